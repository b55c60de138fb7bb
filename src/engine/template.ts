/**
 * The blank 部门决算公开表 workbook in the standard layout (tables.md): nine sheets 公开01表 … 公开09表, each with
 * its title, 表号, 部门/年度/金额单位 line, headers, 栏次 and the rows a user fills. 01, 04 and 06 print their
 * fixed lines; 02, 03, 05, 07, 08 have a 合计 row and empty rows for 科目编码, 科目名称 and amounts. Pure data:
 * the command line writes it with styles, a task pane could insert it, and the recognizer reads it back.
 */
import { CellRange, Grid } from './grid';
import { TABLE_IDS, TABLE_TITLES, TableId, Unit } from './model';
import { ECON_TEMPLATE } from './names';
import { EXPENSE_CLASSES } from './recognize/lines';
import { CHINESE_NUMERALS } from './recognize/text';

/** How the writer styles a cell. `amount` cells are empty and formatted `#,##0.00`. */
export type TemplateStyle = 'title' | 'tableNo' | 'meta' | 'header' | 'label' | 'code' | 'amount' | 'note';

export interface TemplateCell {
  readonly r: number;
  readonly c: number;
  readonly value: string | number | null;
  readonly style: TemplateStyle;
}

export interface TemplateSheet {
  readonly id: TableId;
  readonly name: string;
  readonly cells: ReadonlyArray<TemplateCell>;
  readonly merges: ReadonlyArray<CellRange>;
  /** Header and data rows: the bordered part. */
  readonly body: CellRange;
  /** Column widths in characters. */
  readonly widths: ReadonlyArray<number>;
}

export interface TemplateOptions {
  readonly year: number;
  readonly unit?: Unit;
  /** 部门 name printed after `部门：` (blank by default). */
  readonly department?: string;
}

/** Empty rows offered for 科目 in the coded tables. */
const CODED_ROWS: Record<'02' | '03' | '05' | '07' | '08', number> = { '02': 30, '03': 30, '05': 30, '07': 10, '08': 10 };

class Sheet {
  readonly cells: TemplateCell[] = [];
  readonly merges: CellRange[] = [];
  put(r: number, c: number, value: string | number | null, style: TemplateStyle): void {
    this.cells.push({ r, c, value, style });
  }
  merge(r0: number, c0: number, r1: number, c1: number): void {
    if (r0 !== r1 || c0 !== c1) this.merges.push({ r0, c0, r1, c1 });
  }
}

/** `一` … `二十六`: the numbering of income and expense lines. */
function numeral(n: number): string {
  if (n <= 10) return CHINESE_NUMERALS[n - 1];
  if (n < 20) return `十${CHINESE_NUMERALS[n - 11]}`;
  return `${CHINESE_NUMERALS[Math.floor(n / 10) - 1]}十${n % 10 ? CHINESE_NUMERALS[(n % 10) - 1] : ''}`;
}

/** Title, 表号 and the 部门/年度/单位 line over `width` columns; returns the first header row. */
function frame(s: Sheet, id: TableId, width: number, o: TemplateOptions): number {
  s.put(0, 0, TABLE_TITLES[id], 'title');
  s.merge(0, 0, 0, width - 1);
  s.put(1, width - 1, `公开${id}表`, 'tableNo');
  s.put(2, 0, `部门：${o.department ?? ''}`, 'meta');
  s.put(2, width - 2, `${o.year}年度`, 'meta');
  s.put(2, width - 1, `金额单位：${o.unit ?? '万元'}`, 'meta');
  return 3;
}

const INCOME_01 = ['一般公共预算财政拨款收入', '政府性基金预算财政拨款收入', '国有资本经营预算财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'];
const KINDS = ['一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'];

function lines(id: '01' | '04', o: TemplateOptions): TemplateSheet {
  const s = new Sheet();
  const is01 = id === '01';
  const width = is01 ? 6 : 9;
  const top = frame(s, id, width, o);
  s.put(top, 0, is01 ? '收入' : '收 入', 'header');
  s.merge(top, 0, top, 2);
  s.put(top, 3, is01 ? '支出' : '支 出', 'header');
  s.merge(top, 3, top, width - 1);
  const h = top + 1;
  ['项目', '行次', '金额', '项目', '行次'].forEach((t, i) => s.put(h, i, t, 'header'));
  if (is01) s.put(h, 5, '金额', 'header');
  else ['合计', ...KINDS].forEach((t, i) => s.put(h, 5 + i, t, 'header'));
  s.put(h + 1, 0, '栏次', 'header');
  s.put(h + 1, 1, null, 'header');
  s.put(h + 1, 2, 1, 'header');
  s.put(h + 1, 3, '栏次', 'header');
  s.put(h + 1, 4, null, 'header');
  for (let n = 2; n <= (is01 ? 2 : 5); n++) s.put(h + 1, 3 + n, n, 'header');
  const first = h + 2;
  const incomeRows = is01 ? 30 : 32;
  for (let i = 0; i < incomeRows; i++) {
    const r = first + i;
    const no = i + 1;
    let label = '';
    if (is01) {
      if (no <= 8) label = `${numeral(no)}、${INCOME_01[no - 1]}`;
      else if (no >= 27) label = ['本年收入合计', '使用非财政拨款结余（含专用结余）', '年初结转和结余', '总计'][no - 27];
    } else if (no <= 3) label = `${numeral(no)}、${KINDS[no - 1]}`;
    else if (no >= 27) label = ['本年收入合计', '年初财政拨款结转和结余', ...KINDS, '总计'][no - 27];
    s.put(r, 0, label || null, 'label');
    s.put(r, 1, no, 'code');
    s.put(r, 2, null, label ? 'amount' : 'label');
    const cls = EXPENSE_CLASSES[i];
    const j = i - EXPENSE_CLASSES.length;
    const eLabel = cls ? `${numeral(i + 1)}、${cls[1]}` : is01 ? ['本年支出合计', '结余分配', '年末结转和结余', '总计'][j] : ['本年支出合计', '年末财政拨款结转和结余', ...KINDS, '总计'][j];
    s.put(r, 3, eLabel, 'label');
    s.put(r, 4, no + incomeRows, 'code');
    for (let n = 2; n <= (is01 ? 2 : 5); n++) s.put(r, 3 + n, null, 'amount');
  }
  const last = first + incomeRows - 1;
  s.put(last + 1, 0, is01 ? '注：1.本表反映部门本年度的总收支和年末结转结余情况。' : '注：本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支和年末结转结余情况。', 'note');
  if (is01) s.put(last + 2, 0, '2.本套报表金额单位转换时可能存在尾数误差。', 'note');
  const widths = is01 ? [34, 6, 14, 34, 6, 14] : [30, 6, 14, 30, 6, 14, 14, 14, 14];
  return { id, name: `公开${id}表`, cells: s.cells, merges: s.merges, body: { r0: top, c0: 0, r1: last, c1: width - 1 }, widths };
}

interface CodedSpec {
  /** Headers of the amount columns: [top, under] ('' under a header that spans both rows). */
  readonly columns: ReadonlyArray<readonly [string, string]>;
  readonly codeHeader: string;
  readonly note: string;
}

const CODED: Record<'02' | '03' | '05' | '07' | '08', CodedSpec> = {
  '02': {
    columns: ['本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'].map((t) => [t, ''] as const),
    codeHeader: '功能分类科目编码',
    note: '注：本表反映部门本年度取得的各项收入情况。',
  },
  '03': {
    columns: ['本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'].map((t) => [t, ''] as const),
    codeHeader: '功能分类科目编码',
    note: '注：本表反映部门本年度各项支出情况。',
  },
  '05': {
    columns: [
      ['本年支出', '小计'],
      ['本年支出', '基本支出'],
      ['本年支出', '项目支出'],
    ],
    codeHeader: '科目编码',
    note: '注：本表反映部门本年度一般公共预算财政拨款支出情况。',
  },
  '07': {
    columns: [
      ['年初结转和结余', ''],
      ['本年收入', ''],
      ['本年支出', '小计'],
      ['本年支出', '基本支出'],
      ['本年支出', '项目支出'],
      ['年末结转和结余', ''],
    ],
    codeHeader: '科目编码',
    note: '注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。',
  },
  '08': {
    columns: [
      ['本年支出', '合计'],
      ['本年支出', '基本支出'],
      ['本年支出', '项目支出'],
    ],
    codeHeader: '科目编码',
    note: '注：本表反映部门本年度国有资本经营预算财政拨款支出情况。',
  },
};

function coded(id: '02' | '03' | '05' | '07' | '08', o: TemplateOptions): TemplateSheet {
  const s = new Sheet();
  const spec = CODED[id];
  const width = 2 + spec.columns.length;
  const top = frame(s, id, width, o);
  s.put(top, 0, '项目', 'header');
  s.put(top, 1, null, 'header');
  s.merge(top, 0, top, 1);
  s.put(top + 1, 0, spec.codeHeader, 'header');
  s.put(top + 1, 1, '科目名称', 'header');
  spec.columns.forEach(([head, under], i) => {
    const c = 2 + i;
    const startsGroup = i === 0 || spec.columns[i - 1][0] !== head;
    s.put(top, c, startsGroup ? head : null, 'header');
    s.put(top + 1, c, under || null, 'header');
    if (!under) s.merge(top, c, top + 1, c);
    else if (startsGroup) {
      let j = i;
      while (j + 1 < spec.columns.length && spec.columns[j + 1][0] === head) j++;
      s.merge(top, c, top, 2 + j);
    }
  });
  const lanci = top + 2;
  s.put(lanci, 0, '栏次', 'header');
  s.put(lanci, 1, null, 'header');
  spec.columns.forEach((_, i) => s.put(lanci, 2 + i, i + 1, 'header'));
  s.put(lanci + 1, 0, '合计', 'label');
  s.put(lanci + 1, 1, null, 'label');
  spec.columns.forEach((_, i) => s.put(lanci + 1, 2 + i, null, 'amount'));
  const last = lanci + 1 + CODED_ROWS[id];
  for (let r = lanci + 2; r <= last; r++) {
    s.put(r, 0, null, 'code');
    s.put(r, 1, null, 'label');
    spec.columns.forEach((_, i) => s.put(r, 2 + i, null, 'amount'));
  }
  s.put(last + 1, 0, spec.note, 'note');
  return { id, name: `公开${id}表`, cells: s.cells, merges: s.merges, body: { r0: top, c0: 0, r1: last, c1: width - 1 }, widths: [14, 40, ...spec.columns.map(() => 14)] };
}

function econ(o: TemplateOptions): TemplateSheet {
  const s = new Sheet();
  const top = frame(s, '06', 9, o);
  s.put(top, 0, '人员经费', 'header');
  s.merge(top, 0, top, 2);
  s.put(top, 3, '公用经费', 'header');
  s.merge(top, 3, top, 8);
  for (let t = 0; t < 3; t++) ['科目编码', '科目名称', '决算数'].forEach((h, i) => s.put(top + 1, t * 3 + i, h, 'header'));
  const first = top + 2;
  const height = Math.max(...ECON_TEMPLATE.map((t) => t.items.length));
  for (const { triple, items } of ECON_TEMPLATE) {
    const c = (triple - 1) * 3;
    for (let i = 0; i < height; i++) {
      const item = items[i];
      s.put(first + i, c, item ? item[0] : null, 'code');
      s.put(first + i, c + 1, item ? item[1] : null, 'label');
      s.put(first + i, c + 2, null, item ? 'amount' : 'label');
    }
  }
  const total = first + height;
  s.put(total, 0, '人员经费合计', 'label');
  s.put(total, 1, null, 'label');
  s.merge(total, 0, total, 1);
  s.put(total, 2, null, 'amount');
  s.put(total, 3, '公用经费合计', 'label');
  s.put(total, 4, null, 'label');
  s.merge(total, 3, total, 4);
  s.put(total, 5, null, 'amount');
  for (let c = 6; c <= 8; c++) s.put(total, c, null, 'label');
  s.put(total + 1, 0, '注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。', 'note');
  return { id: '06', name: '公开06表', cells: s.cells, merges: s.merges, body: { r0: top, c0: 0, r1: total, c1: 8 }, widths: [10, 30, 12, 10, 30, 12, 10, 30, 12] };
}

function sanGong(o: TemplateOptions): TemplateSheet {
  const s = new Sheet();
  const top = frame(s, '09', 12, o);
  s.put(top, 0, '预算数', 'header');
  s.merge(top, 0, top, 5);
  s.put(top, 6, '决算数', 'header');
  s.merge(top, 6, top, 11);
  for (const base of [0, 6]) {
    const r = top + 1;
    s.put(r, base, '合计', 'header');
    s.merge(r, base, r + 1, base);
    s.put(r, base + 1, '因公出国（境）费', 'header');
    s.merge(r, base + 1, r + 1, base + 1);
    s.put(r, base + 2, '公务用车购置及运行维护费', 'header');
    s.merge(r, base + 2, r, base + 4);
    s.put(r, base + 5, '公务接待费', 'header');
    s.merge(r, base + 5, r + 1, base + 5);
    s.put(r + 1, base + 2, '小计', 'header');
    s.put(r + 1, base + 3, '公务用车购置费', 'header');
    s.put(r + 1, base + 4, '公务用车运行维护费', 'header');
  }
  for (let n = 1; n <= 12; n++) {
    s.put(top + 3, n - 1, n, 'header');
    s.put(top + 4, n - 1, null, 'amount');
  }
  s.put(top + 5, 0, '注：本表反映部门本年度“三公”经费支出预决算情况。其中，预算数为“三公”经费全年预算数，反映按规定程序调整后的预算数；决算数是包括当年一般公共预算财政拨款和以前年度结转资金安排的实际支出。', 'note');
  return { id: '09', name: '公开09表', cells: s.cells, merges: s.merges, body: { r0: top, c0: 0, r1: top + 4, c1: 11 }, widths: Array(12).fill(13) };
}

/** The nine sheets of the blank workbook, in table order. */
export function templateSheets(o: TemplateOptions): TemplateSheet[] {
  return TABLE_IDS.map((id) => {
    switch (id) {
      case '01':
      case '04':
        return lines(id, o);
      case '06':
        return econ(o);
      case '09':
        return sanGong(o);
      default:
        return coded(id, o);
    }
  });
}

/** The blank workbook as the engine sees it (what the recognizer reads back). */
export function templateGrid(o: TemplateOptions): Grid {
  return {
    sheets: templateSheets(o).map((t) => {
      const rows: Array<Array<{ value: string | number }>> = [];
      for (const cell of t.cells) {
        if (cell.value === null) continue;
        while (rows.length <= cell.r) rows.push([]);
        rows[cell.r][cell.c] = { value: cell.value };
      }
      return { name: t.name, rows, merges: t.merges };
    }),
  };
}
