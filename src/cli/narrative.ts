import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { Command } from 'commander';
import type ExcelJS from 'exceljs';
import { analyze, Finding } from '../engine';
import { SEVERITY_ZH } from '../engine/catalogue';
import { auditNarrativeFigures, blockText, narrativeContext, NarrativeContext, NarrativeDoc, NarrativeFinding, narrativeOf, plainText } from '../engine/narrative';
import { NARRATIVE_RULES } from '../engine/rules/narrative';
import { userMessage } from '../io/fs-errors';
import { shownPath } from '../io/paths';
import { readWorkbookFile, UnreadableWorkbookError } from '../io/read';
import { safeWrite, SafeWriteOptions, WriteError } from '../io/safe-write';
import { userCatalogue } from './catalogue';
import { expandInputs } from './files';
import { jsonLine, textReport } from './report';
import { textCell } from './supplement';
import { terminalSafe } from './terminal';
import { loadXlsx, saveXlsx, writtenNote } from './xlsx-copy';

const NARRATIVE_SHEET = '情况说明';
const TITLES = new Map(NARRATIVE_RULES.map((r) => [r.id, r.title]));

/** Text from cells shown literally: a `<script>` or `<img>` typed into a cell must not become HTML in a Markdown viewer. */
const escapeHtml = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function markdown(doc: NarrativeDoc): string {
  const prefix = { title: '# ', h1: '## ', h2: '### ', p: '', caption: '*' };
  return doc.blocks.map((b) => `${prefix[b.kind]}${escapeHtml(blockText(b))}${b.kind === 'caption' ? '*' : ''}`).join('\n\n') + '\n';
}

/** 公文-style .docx (src/docx/narrative-document.ts). */
export async function docxBuffer(doc: NarrativeDoc): Promise<Buffer> {
  // docx and jszip load only when a .docx is written or read: `check` without --narrative never needs them.
  const [{ Packer }, { narrativeDocument }] = await Promise.all([import('docx'), import('../docx/narrative-document')]);
  return Packer.toBuffer(narrativeDocument(doc));
}

function decodeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d))).replace(/&amp;/g, '&');
}

/** The body paragraphs of a .docx (text of the w:t runs of each w:p), footers excluded. */
export async function docxParagraphs(bytes: Buffer): Promise<string[]> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')?.async('string');
  if (!xml) throw new Error('不是有效的 .docx 文件（缺少 word/document.xml）。');
  // indexOf, not a lazy regex: "<w:p>…</w:p>" retried from every unclosed "<w:p>" is quadratic (200k of them: 80 s).
  const out: string[] = [];
  for (let at = xml.indexOf('<w:p'); at >= 0; at = xml.indexOf('<w:p', at)) {
    const next = xml[at + 4];
    if (next === '/' && xml[at + 5] === '>') {
      out.push('');
      at += 6;
      continue;
    }
    if (next !== ' ' && next !== '>') {
      at += 4;
      continue;
    }
    const end = xml.indexOf('</w:p>', at);
    if (end < 0) break;
    out.push([...xml.slice(at, end).matchAll(/<w:t(?:\s[^>]{0,200})?>([^<]*)<\/w:t>/g)].map((t) => decodeXml(t[1])).join(''));
    at = end + 6;
  }
  return out;
}

/** A narrative file as units to audit: lines of a .txt/.md, paragraphs of a .docx. */
export async function readNarrative(file: string): Promise<{ units: string[]; unit: 'line' | 'paragraph' }> {
  const bytes = await readFile(file);
  if (extname(file).toLowerCase() === '.docx') return { units: await docxParagraphs(bytes), unit: 'paragraph' };
  return { units: bytes.toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/), unit: 'line' };
}

/** Writes the 情况说明 sheet (one paragraph per row, wrapped) into an exceljs workbook. */
export function writeNarrativeSheet(wbx: ExcelJS.Workbook, doc: NarrativeDoc): void {
  const old = wbx.getWorksheet(NARRATIVE_SHEET);
  if (old) wbx.removeWorksheet(old.id);
  const ws = wbx.addWorksheet(NARRATIVE_SHEET);
  ws.getColumn(1).width = 100;
  for (const b of doc.blocks) {
    const row = ws.addRow([]);
    const cell = row.getCell(1);
    textCell(cell, blockText(b));
    cell.alignment = { wrapText: true, vertical: 'top', horizontal: b.kind === 'title' || b.kind === 'caption' ? 'center' : 'left' };
    if (b.kind !== 'p') cell.font = { bold: b.kind !== 'caption', name: b.kind === 'caption' ? '仿宋' : '黑体' };
    // Excel does not grow wrapped rows on its own when the file is written by a library; about 50 characters fit per line at width 100.
    row.height = Math.max(1, Math.ceil(blockText(b).length / 50)) * 16;
  }
}

function problem(err: unknown): string {
  return err instanceof UnreadableWorkbookError ? err.reason : userMessage(err, '读取时出错。');
}

function printSupplementState(ctx: NarrativeContext, doc: NarrativeDoc): void {
  if (!ctx.supplement) process.stderr.write('提示：工作簿中没有“补充信息”工作表，上年数、年初预算等处将显示【待补充】。可先运行 juesuan supplement 生成该表。\n');
  for (const f of ctx.supplementFindings) process.stderr.write(terminalSafe(`[${SEVERITY_ZH[f.severity]}] ${f.sheet}!${f.cell}  ${f.message}\n`));
  if (doc.missing.length) process.stderr.write(terminalSafe(`待补充 ${doc.missing.length} 处：${doc.missing.map((m) => m.label).join('、')}\n`));
}

interface NarrativeOptions {
  out?: string;
  sheet?: boolean;
  force?: boolean;
}

const TEXT_OUTPUTS: Record<string, (doc: NarrativeDoc) => Promise<Buffer | string>> = {
  '.docx': docxBuffer,
  '.md': async (doc) => markdown(doc),
  '.txt': async (doc) => plainText(doc),
};

async function runNarrative(file: string, o: NarrativeOptions): Promise<number> {
  const target: SafeWriteOptions = { force: o.force, inputs: [file] };
  const render = o.out && !o.sheet ? TEXT_OUTPUTS[extname(o.out).toLowerCase()] : undefined;
  if (o.out && !o.sheet && !render) {
    process.stderr.write('输出文件须为 .docx、.txt 或 .md（写入工作表请用 --sheet）。\n');
    return 2;
  }
  try {
    const grid = await readWorkbookFile(file);
    const ctx = narrativeContext(grid);
    const doc = narrativeOf(ctx);
    printSupplementState(ctx, doc);
    if (o.sheet) {
      const out = o.out && extname(o.out).toLowerCase() === '.xlsx' ? o.out : join(dirname(file), `${basename(file, extname(file))}.${NARRATIVE_SHEET}.xlsx`);
      const wbx = await loadXlsx(file, grid);
      writeNarrativeSheet(wbx, doc);
      const written = await saveXlsx(wbx, out, target);
      process.stdout.write(`已将情况说明写入“${NARRATIVE_SHEET}”工作表：${written.path}${writtenNote(written)}\n`);
      return 0;
    }
    if (!o.out || !render) {
      process.stdout.write(process.stdout.isTTY ? terminalSafe(plainText(doc)) : plainText(doc));
      return 0;
    }
    const written = await safeWrite(o.out, await render(doc), target);
    process.stdout.write(`已生成情况说明：${written.path}${writtenNote(written)}\n`);
    return 0;
  } catch (err) {
    const msg = err instanceof WriteError ? err.message : err instanceof UnreadableWorkbookError ? `无法读取 ${file}：${err.reason}` : userMessage(err, '处理时出错。');
    process.stderr.write(`没有生成情况说明。${msg}\n`);
    return 2;
  }
}

function findingLines(f: NarrativeFinding): string[] {
  const where = f.sheet ? `${f.sheet}!${f.cell}` : f.source;
  const out = [`  [${SEVERITY_ZH[f.severity]}] ${where}  ${TITLES.get(f.rule) ?? ''}（${f.rule}）`, `      ${f.message}`];
  if (f.quote) out.push(`      原文：${f.quote}`);
  if (f.related.length) out.push(`      相关单元格：${f.related.slice(0, 8).map((x) => `${x.sheet}!${x.cell}`).join('、')}${f.related.length > 8 ? ` 等 ${f.related.length} 处` : ''}`);
  return out;
}

export interface CheckNarrativeOptions {
  readonly json: boolean;
  readonly noInfo: boolean;
}

/** `juesuan check <workbook> --narrative <file>`: the table check plus the 补充信息 and the text's statements. */
export async function runCheckNarrative(files: ReadonlyArray<string>, narrative: string, o: CheckNarrativeOptions): Promise<number> {
  let text: { units: string[]; unit: 'line' | 'paragraph' };
  try {
    text = await readNarrative(narrative);
  } catch (err) {
    process.stderr.write(`无法读取情况说明 ${narrative}：${userMessage(err, '文件无法解析，请在 Word 中另存为 .docx 或 .txt 后再试。')}\n`);
    return 2;
  }
  const { files: workbooks, problems, notes } = await expandInputs(files);
  for (const line of [...notes, ...problems]) process.stderr.write(`${line}\n`);
  if (!workbooks.length) {
    process.stderr.write('没有找到要检查的 .xlsx/.xls 文件。\n');
    return 2;
  }
  let code = problems.length ? 2 : 0;
  for (const path of workbooks) {
    const file = shownPath(path);
    try {
      const grid = await readWorkbookFile(path);
      const analysis = analyze(grid, { catalogue: userCatalogue() });
      const ctx = narrativeContext(grid, analysis.workbook);
      const audit = auditNarrativeFigures(ctx, text.units, { source: narrative, unit: text.unit });
      const extra: NarrativeFinding[] = [...ctx.supplementFindings, ...audit.findings];
      const shown = extra.filter((f) => !o.noInfo || f.severity !== 'info');
      if (o.json) {
        process.stdout.write(jsonLine({ file, analysis: { ...analysis, findings: [...analysis.findings, ...extra] as Finding[] } }, o.noInfo, { narrativeFigures: audit.figures }) + '\n');
      } else {
        const lines = [textReport({ file, analysis }, o.noInfo), '', `【情况说明 ${narrative}】`];
        if (!ctx.supplement) lines.push('  工作簿中没有“补充信息”工作表：上年数、年初预算等无法核对（可运行 juesuan supplement 生成）。');
        for (const f of shown) lines.push(...findingLines(f));
        const c = { error: 0, warning: 0, info: 0 };
        for (const f of shown) c[f.severity]++;
        lines.push('', shown.length ? `情况说明检查完毕：错误 ${c.error} 个，警告 ${c.warning} 个，提示 ${c.info} 个。` : '情况说明检查完毕：未发现问题。');
        const n = audit.figures;
        lines.push(`文中数字 ${n.total} 个：已核对 ${n.checked} 个，缺少数据无法核对 ${n.unverifiable} 个，未能识别 ${n.unrecognised} 个。`);
        process.stdout.write(terminalSafe(lines.join('\n')) + '\n\n');
      }
      if ([...analysis.findings, ...extra].some((f) => f.severity === 'error')) code = Math.max(code, 1);
    } catch (err) {
      process.stderr.write(`无法读取 ${file}：${problem(err)}\n`);
      code = 2;
    }
  }
  return code;
}

/** `juesuan narrative <workbook>`: generates 第三部分 from the tables and the 补充信息. */
export function registerNarrative(program: Command, setExit: (code: number) => void): void {
  program
    .command('narrative')
    .description('根据决算表和“补充信息”生成第三部分 部门决算情况说明')
    .argument('<workbook>', '决算公开表工作簿（含“补充信息”工作表）')
    .option('--out <file>', '写入文件：.docx、.txt 或 .md（不给则输出到屏幕）')
    .option('--sheet', '写入工作簿副本的“情况说明”工作表（默认：<原名>.情况说明.xlsx，或 --out 指定的 .xlsx）')
    .option('--force', '输出文件已存在时替换它（原有的保留为 <文件名>.bak）')
    .action(async (workbook: string, o: NarrativeOptions) => setExit(await runNarrative(workbook, o)));
}
