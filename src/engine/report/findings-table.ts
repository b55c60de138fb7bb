/**
 * Findings as the rows of the 检查结果 sheet, for every host to write the same table: the task pane into the open
 * workbook (src/excel), the command line into a new .xlsx (src/cli/findings-workbook.ts). Figures are numbers in the
 * table's unit with the number format to show them as the message does (thousands separators; 相差 without a sign, as
 * the message says it).
 */
import { SEVERITY_ZH } from '../catalogue';
import type { Finding, Severity } from '../finding';
import { groupThousands } from '../money';
import { ALL_RULES } from '../rules';
import { groupByCell } from './group';

export const FINDINGS_SHEET = '检查结果';

/** A link to a cell of the checked workbook (the host decides whether it points inside this file or to another). */
export interface CellLink {
  readonly sheet: string;
  readonly cell: string;
  readonly text: string;
}

export type TableCell =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'number'; readonly value: number; readonly format: string }
  | { readonly kind: 'link'; readonly link: CellLink }
  | { readonly kind: 'empty' };

export interface TableColumn {
  readonly header: string;
  /** Width in characters (Excel's column width unit). */
  readonly width: number;
  readonly align: 'left' | 'right';
}

export interface FindingsTable {
  readonly columns: readonly TableColumn[];
  readonly rows: readonly (readonly TableCell[])[];
  /** Severity of each row, for hosts that colour the 级别 column. */
  readonly severities: readonly Severity[];
}

export const FINDINGS_COLUMNS: readonly TableColumn[] = [
  { header: '级别', width: 6, align: 'left' },
  { header: '工作表', width: 14, align: 'left' },
  { header: '单元格', width: 10, align: 'left' },
  { header: '规则', width: 22, align: 'left' },
  { header: '规则名称', width: 34, align: 'left' },
  { header: '说明', width: 80, align: 'left' },
  { header: '应为', width: 14, align: 'right' },
  { header: '实为', width: 14, align: 'right' },
  { header: '相差', width: 12, align: 'right' },
  { header: '单位', width: 6, align: 'left' },
  { header: '相关单元格', width: 30, align: 'left' },
];

const RULE_TITLES = new Map(ALL_RULES.map((r) => [r.id, r.title]));

const text = (t: string): TableCell => ({ kind: 'text', text: t });

/**
 * A figure as the message writes it: `-1010.72` → `-1,010.72`; a 相差 (`absolute`) without its sign, because the
 * message says 相差/多/少 in words.
 */
export function figureText(s: string, absolute = false): string {
  return groupThousands(absolute ? s.replace(/^-/, '') : s);
}

/** `-1010.72` → the number and `#,##0.00`; decimals as the engine wrote them. */
function figure(s: string | null, absolute = false): TableCell {
  if (s === null) return { kind: 'empty' };
  const plain = absolute ? s.replace(/^-/, '') : s;
  const dot = plain.indexOf('.');
  const decimals = dot < 0 ? 0 : plain.length - dot - 1;
  return { kind: 'number', value: Number(plain), format: decimals ? `#,##0.${'0'.repeat(decimals)}` : '#,##0' };
}

/** One row per finding, the findings of one cell next to each other (in the order the pane lists them). */
export function findingsTable(findings: readonly Finding[]): FindingsTable {
  const ordered = groupByCell(findings).flatMap((g) => g.findings);
  return {
    columns: FINDINGS_COLUMNS,
    severities: ordered.map((f) => f.severity),
    rows: ordered.map((f) => [
      text(SEVERITY_ZH[f.severity]),
      text(f.sheet),
      { kind: 'link', link: { sheet: f.sheet, cell: f.cell, text: f.cell } },
      text(f.rule),
      text(RULE_TITLES.get(f.rule) ?? f.rule),
      text(f.message),
      figure(f.expected),
      figure(f.actual),
      figure(f.difference, true),
      f.unit ? text(f.unit) : { kind: 'empty' },
      text(f.related.map((r) => (r.sheet === f.sheet ? r.cell : `${r.sheet}!${r.cell}`)).join('、')),
    ]),
  };
}

/** `'公开04表'!G38`: a reference Excel resolves inside a workbook (quotes doubled inside the name). */
export function sheetReference(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}
