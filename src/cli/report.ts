import { Analysis, Finding, TABLE_TITLES, TableId, tableLabel } from '../engine';
import { SEVERITY_ZH } from '../engine/catalogue';
import { ALL_RULES } from '../engine/rules';
import { narrativeFields } from '../engine/narrative/types';
import { terminalSafe } from './terminal';

/** Findings of one rule shown one by one per table before the rest are summed up in one line. */
const REPEAT_LIMIT = 4;

const TITLES = new Map(ALL_RULES.map((r) => [r.id, r.title]));

export interface FileResult {
  readonly file: string;
  readonly analysis?: Analysis;
  readonly error?: string;
  /** What the reader noticed (formulas without results, duplicated sheet names). */
  readonly notes?: ReadonlyArray<string>;
}

export function visibleFindings(a: Analysis, noInfo: boolean): Finding[] {
  return a.findings.filter((f) => !noInfo || f.severity !== 'info');
}

/** One JSON object per workbook, in the shape the issue fixes; amounts are decimal strings. */
/** One line of JSON for one workbook; `extra` adds keys a command knows more about (the narrative's figure counts). */
export function jsonLine(r: FileResult, noInfo: boolean, extra: Record<string, unknown> = {}): string {
  if (!r.analysis) return JSON.stringify({ file: r.file, error: r.error });
  const a = r.analysis;
  return JSON.stringify({
    file: r.file,
    ...extra,
    unit: a.unit,
    tables: a.tables.map((t) => ({ id: t.id, sheet: t.sheet, range: t.range })),
    ...(r.notes?.length ? { notes: r.notes } : {}),
    otherTables: a.workbook.otherTables.map((t) => ({ title: t.title, sheet: t.sheet, cell: t.cell })),
    relations: { checked: a.coverage.checked, allowed: a.coverage.allowed, skipped: a.coverage.skipped },
    codes: a.coverage.codes,
    findings: visibleFindings(a, noInfo).map((f) => ({
      rule: f.rule,
      severity: f.severity,
      sheet: f.sheet,
      cell: f.cell,
      related: f.related.map((x) => ({ sheet: x.sheet, cell: x.cell })),
      expected: f.expected,
      actual: f.actual,
      difference: f.difference,
      tolerance: f.tolerance,
      message: f.message,
      ...narrativeFields(f),
    })),
  });
}

/** How many relations were checked out of those the recognized layout allows. */
export function coverageLine(a: Analysis): string {
  const { checked, allowed, skipped } = a.coverage;
  return skipped.length ? `核对表内表间关系 ${checked} 项（版式允许 ${allowed} 项），${skipped.length} 项未能核对：` : `核对表内表间关系 ${checked} 项（版式允许的全部关系）。`;
}

function counts(findings: ReadonlyArray<Finding>): Record<'error' | 'warning' | 'info', number> {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

/** A readable Chinese report grouped by table, with a summary line. */
export function textReport(r: FileResult, noInfo: boolean): string {
  const out: string[] = [`文件：${r.file}`];
  if (!r.analysis) {
    out.push(`  无法读取：${r.error}`);
    return terminalSafe(out.join('\n'));
  }
  const a = r.analysis;
  out.push(`识别到 ${a.tables.length} 张表（金额单位：${a.unit}）：`);
  for (const t of a.tables) out.push(`  ${tableLabel(t.id)} ${TABLE_TITLES[t.id]}  ${t.sheet}!${t.range}`);
  for (const n of r.notes ?? []) out.push(`注意：${n}`);
  out.push(coverageLine(a));
  for (const x of a.coverage.skipped) out.push(`  未核对：${x.text}（${x.rule}，所需金额缺失）`);
  const { checked, unknown } = a.coverage.codes;
  out.push(
    unknown.length
      ? `科目名称按科目表核对了 ${checked} 个编码；${unknown.length} 个编码不在科目表中，名称未核对：${unknown.join('、')}（可用 juesuan catalogue import 导入科目表）。`
      : `科目名称按科目表核对了全部 ${checked} 个编码。`,
  );
  if (a.workbook.otherTables.length) {
    out.push(`另有 ${a.workbook.otherTables.length} 张表不属于九张公开表，未检查：`);
    for (const t of a.workbook.otherTables) out.push(`  ${t.title}  ${t.sheet}!${t.cell}`);
  }
  const findings = visibleFindings(a, noInfo);
  // Grouped once, in linear time: by table, and within a table by rule and severity.
  const groups = new Map<string, Finding[]>();
  const kinds = new Map<string, Finding[]>();
  const kindOf = (f: Finding) => `${f.table} ${f.rule} ${f.severity}`;
  const add = (m: Map<string, Finding[]>, key: string, f: Finding) => {
    const list = m.get(key);
    if (list) list.push(f);
    else m.set(key, [f]);
  };
  for (const f of findings) {
    add(groups, f.table, f);
    add(kinds, kindOf(f), f);
  }
  for (const [table, list] of groups) {
    out.push('');
    out.push(table === '--' ? '【工作簿】' : `【${tableLabel(table as TableId)} ${TABLE_TITLES[table as TableId]}】`);
    const perRule = new Map<string, number>();
    for (const f of list) {
      // Many findings of one kind in one table (e.g. every amount stored as text) read better as one line.
      const key = kindOf(f);
      const seen = (perRule.get(key) ?? 0) + 1;
      perRule.set(key, seen);
      const same = f.severity === 'error' ? [f] : kinds.get(key)!;
      if (same.length > REPEAT_LIMIT && seen > REPEAT_LIMIT - 1) {
        if (seen === REPEAT_LIMIT) {
          const rest = same.slice(REPEAT_LIMIT - 1).map((x) => x.cell);
          out.push(`  [${SEVERITY_ZH[f.severity]}] 另有 ${rest.length} 处同类问题（${TITLES.get(f.rule) ?? f.rule}）：${rest.slice(0, 12).join('、')}${rest.length > 12 ? ' 等' : ''}（用 --json 查看全部）`);
        }
        continue;
      }
      out.push(`  [${SEVERITY_ZH[f.severity]}] ${f.sheet}!${f.cell}  ${TITLES.get(f.rule) ?? ''}（${f.rule}）`);
      out.push(`      ${f.message}`);
      if (f.related.length) {
        const shownRefs = f.related.slice(0, 8).map((x) => (x.sheet === f.sheet ? x.cell : `${x.sheet}!${x.cell}`));
        out.push(`      相关单元格：${shownRefs.join('、')}${f.related.length > 8 ? ` 等 ${f.related.length} 处` : ''}`);
      }
    }
  }
  const c = counts(findings);
  out.push('');
  out.push(c.error + c.warning + c.info === 0 ? '检查完毕：未发现问题。' : `检查完毕：错误 ${c.error} 个，警告 ${c.warning} 个，提示 ${c.info} 个。`);
  return terminalSafe(out.join('\n'));
}

export function hasErrors(r: FileResult): boolean {
  return !!r.analysis?.findings.some((f) => f.severity === 'error');
}
