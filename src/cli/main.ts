import { Command, Option } from 'commander';
import { SingleBar } from 'cli-progress';
import { catalogueMarkdown, ruleCatalogue, SEVERITY_ZH } from '../engine/catalogue';
import { expandInputs } from './files';
import { checkAll } from './pool';
import { registerSupplement } from './supplement';
import { registerNarrative, runCheckNarrative } from './narrative';
import { registerFill } from './fill';
import { registerTemplate } from './template';
import { registerCatalogue } from './catalogue';

interface CheckOptions {
  json?: boolean;
  format: 'text' | 'json';
  info: boolean;
  narrative?: string;
}

async function runCheck(inputs: string[], o: CheckOptions): Promise<number> {
  const files = await expandInputs(inputs);
  if (!files.length) {
    process.stderr.write('没有找到要检查的 .xlsx/.xls 文件。\n');
    return 2;
  }
  const format = o.json ? 'json' : o.format;
  const showBar = files.length > 1 && process.stderr.isTTY;
  const bar = showBar ? new SingleBar({ format: '检查中 [{bar}] {value}/{total} {file}', hideCursor: true }) : null;
  bar?.start(files.length, 0, { file: '' });
  let errors = false;
  let unreadable = false;
  await checkAll(files, { format, noInfo: !o.info }, (r, i) => {
    errors ||= r.hasError;
    unreadable ||= r.unreadable;
    if (bar) bar.update(i + 1, { file: r.file });
    else if (files.length > 1) process.stderr.write(`[${i + 1}/${files.length}] ${r.file}\n`);
    if (r.unreadable) process.stderr.write(`无法读取 ${r.file}：${r.output.includes('"error"') ? JSON.parse(r.output).error : r.output.split('无法读取：')[1] ?? ''}\n`);
    process.stdout.write(r.output + (format === 'text' ? '\n\n' : '\n'));
  });
  bar?.stop();
  return unreadable ? 2 : errors ? 1 : 0;
}

function printRules(markdown: boolean): void {
  if (markdown) {
    process.stdout.write(catalogueMarkdown() + '\n');
    return;
  }
  for (const r of ruleCatalogue()) process.stdout.write(`${r.id}  [${SEVERITY_ZH[r.severity]}]  ${r.title}\n    ${r.why}\n`);
}

/** Entry point of `juesuan`; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const program = new Command()
    .name('juesuan')
    .description('决算助手：检查部门决算公开表（公开01表—公开09表）')
    .showHelpAfterError('（用 --help 查看用法）');
  program
    .command('check')
    .description('检查工作簿（.xlsx/.xls，或包含它们的文件夹），报告每一处不一致')
    .argument('<files...>', '工作簿文件或文件夹')
    .option('--json', '每个工作簿输出一行 JSON（同 --format json）')
    .addOption(new Option('--format <format>', '输出格式').choices(['text', 'json']).default('text'))
    .option('--no-info', '不显示提示级结果（如尾差说明）')
    .option('--narrative <file>', '同时核对情况说明文本（.txt/.docx）中的数字和说法')
    .action(async (files: string[], o: CheckOptions) => {
      if (o.narrative) {
        code = await runCheckNarrative(files, o.narrative, { json: !!o.json || o.format === 'json', noInfo: !o.info });
        return;
      }
      code = await runCheck(files, o);
    });
  program
    .command('rules')
    .description('列出全部检查规则')
    .option('--markdown', '输出 Markdown 表格（用于 README）')
    .action((o: { markdown?: boolean }) => printRules(!!o.markdown));
  registerSupplement(program, (c) => (code = c));
  registerNarrative(program, (c) => (code = c));
  registerFill(program, (c) => (code = c));
  registerTemplate(program, (c) => (code = c));
  registerCatalogue(program, (c) => (code = c));
  program.exitOverride();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    const e = err as { exitCode?: number; code?: string };
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
    return typeof e.exitCode === 'number' && e.exitCode !== 0 ? 2 : 0;
  }
  return code;
}
