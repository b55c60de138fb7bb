import { readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { Command } from 'commander';
import { Packer } from 'docx';
import { narrativeDocument } from '../docx/narrative-document';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { analyze, Finding } from '../engine';
import { SEVERITY_ZH } from '../engine/catalogue';
import { auditNarrativeFigures, blockText, narrativeContext, NarrativeContext, NarrativeDoc, NarrativeFinding, narrativeOf, plainText } from '../engine/narrative';
import { NARRATIVE_RULES } from '../engine/rules/narrative';
import { readWorkbookFile, UnreadableWorkbookError } from '../io/read';
import { expandInputs } from './files';
import { jsonLine, textReport } from './report';
import { loadXlsx, textCell } from './supplement';

const NARRATIVE_SHEET = '情况说明';
const TITLES = new Map(NARRATIVE_RULES.map((r) => [r.id, r.title]));

export function markdown(doc: NarrativeDoc): string {
  const prefix = { title: '# ', h1: '## ', h2: '### ', p: '', caption: '*' };
  return doc.blocks.map((b) => `${prefix[b.kind]}${blockText(b)}${b.kind === 'caption' ? '*' : ''}`).join('\n\n') + '\n';
}

/** 公文-style .docx (src/docx/narrative-document.ts). */
export async function docxBuffer(doc: NarrativeDoc): Promise<Buffer> {
  return Packer.toBuffer(narrativeDocument(doc));
}

function decodeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d))).replace(/&amp;/g, '&');
}

/** The body paragraphs of a .docx (text of the w:t runs of each w:p), footers excluded. */
export async function docxParagraphs(bytes: Buffer): Promise<string[]> {
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

async function context(file: string): Promise<NarrativeContext> {
  return narrativeContext(await readWorkbookFile(file));
}

function problem(err: unknown): string {
  return err instanceof UnreadableWorkbookError ? err.reason : (err as Error).message;
}

function printSupplementState(ctx: NarrativeContext, doc: NarrativeDoc): void {
  if (!ctx.supplement) process.stderr.write('提示：工作簿中没有“补充信息”工作表，上年数、年初预算等处将显示【待补充】。可先运行 juesuan supplement 生成该表。\n');
  for (const f of ctx.supplementFindings) process.stderr.write(`[${SEVERITY_ZH[f.severity]}] ${f.sheet}!${f.cell}  ${f.message}\n`);
  if (doc.missing.length) process.stderr.write(`待补充 ${doc.missing.length} 处：${doc.missing.map((m) => m.label).join('、')}\n`);
}

interface NarrativeOptions {
  out?: string;
  sheet?: boolean;
}

async function runNarrative(file: string, o: NarrativeOptions): Promise<number> {
  try {
    const ctx = await context(file);
    const doc = narrativeOf(ctx);
    printSupplementState(ctx, doc);
    if (o.sheet) {
      const out = o.out && extname(o.out).toLowerCase() === '.xlsx' ? o.out : join(dirname(file), `${basename(file, extname(file))}.${NARRATIVE_SHEET}.xlsx`);
      const wbx = await loadXlsx(file);
      writeNarrativeSheet(wbx, doc);
      await wbx.xlsx.writeFile(out);
      process.stdout.write(`已将情况说明写入“${NARRATIVE_SHEET}”工作表：${out}\n`);
      return 0;
    }
    if (!o.out) {
      process.stdout.write(plainText(doc));
      return 0;
    }
    const ext = extname(o.out).toLowerCase();
    if (ext === '.docx') await writeFile(o.out, await docxBuffer(doc));
    else if (ext === '.md') await writeFile(o.out, markdown(doc), 'utf8');
    else if (ext === '.txt') await writeFile(o.out, plainText(doc), 'utf8');
    else {
      process.stderr.write('输出文件须为 .docx、.txt 或 .md（写入工作表请用 --sheet）。\n');
      return 2;
    }
    process.stdout.write(`已生成情况说明：${o.out}\n`);
    return 0;
  } catch (err) {
    process.stderr.write(`无法生成情况说明：${problem(err)}\n`);
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
    process.stderr.write(`无法读取情况说明 ${narrative}：${(err as Error).message}\n`);
    return 2;
  }
  const workbooks = await expandInputs(files);
  if (!workbooks.length) {
    process.stderr.write('没有找到要检查的 .xlsx/.xls 文件。\n');
    return 2;
  }
  let code = 0;
  for (const file of workbooks) {
    try {
      const grid = await readWorkbookFile(file);
      const analysis = analyze(grid);
      const ctx = narrativeContext(grid, analysis.workbook);
      const audit = auditNarrativeFigures(ctx, text.units, { source: narrative, unit: text.unit });
      const extra: NarrativeFinding[] = [...ctx.supplementFindings, ...audit.findings];
      const shown = extra.filter((f) => !o.noInfo || f.severity !== 'info');
      if (o.json) {
        process.stdout.write(jsonLine({ file, analysis: { ...analysis, findings: [...analysis.findings, ...extra] as Finding[] } }, o.noInfo) + '\n');
      } else {
        const lines = [textReport({ file, analysis }, o.noInfo), '', `【情况说明 ${narrative}】`];
        if (!ctx.supplement) lines.push('  工作簿中没有“补充信息”工作表：上年数、年初预算等无法核对（可运行 juesuan supplement 生成）。');
        for (const f of shown) lines.push(...findingLines(f));
        const c = { error: 0, warning: 0, info: 0 };
        for (const f of shown) c[f.severity]++;
        lines.push('', shown.length ? `情况说明检查完毕：错误 ${c.error} 个，警告 ${c.warning} 个，提示 ${c.info} 个。` : '情况说明检查完毕：未发现问题。');
        const n = audit.figures;
        lines.push(`文中数字 ${n.total} 个：已核对 ${n.checked} 个，缺少数据无法核对 ${n.unverifiable} 个，未能识别 ${n.unrecognised} 个。`);
        process.stdout.write(lines.join('\n') + '\n\n');
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
    .action(async (workbook: string, o: NarrativeOptions) => setExit(await runNarrative(workbook, o)));
}
