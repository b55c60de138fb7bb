import Decimal from 'decimal.js';
import { Grid } from '../grid';
import { Amount, ClassKey, CodedRow, CodedTable, codedTable, EconItem, econTable, Line01Key, Line04Key, linesTable, sanGongTable, tableLabel, Workbook } from '../model';
import { LINE_NAMES_01, LINE_NAMES_04 } from '../recognize/lines';
import { Fig, Source } from './types';

/** 元 workbooks are converted once to 万元 rounded half-up (narrative.md §1); all arithmetic uses these values. */
export function figOf(a: Amount | null | undefined, label: string): Fig | null {
  if (!a) return null;
  const value = a.unit === '元' ? a.value.dividedBy(10000).toDecimalPlaces(2, Decimal.ROUND_HALF_UP) : a.value;
  return { value, exact: a.exactZero, source: { label, cells: [a.ref], keys: [] } };
}

export function source(label: string, figs: ReadonlyArray<Fig | null>): Source {
  return {
    label,
    cells: figs.flatMap((f) => (f ? f.source.cells : [])),
    keys: figs.flatMap((f) => (f ? f.source.keys : [])),
  };
}

/** A figure computed from others (a sum): exact only when every input is. */
export function sumFig(label: string, figs: ReadonlyArray<Fig>): Fig {
  return { value: figs.reduce((s, f) => s.plus(f.value), new Decimal(0)), exact: figs.every((f) => f.exact), source: source(label, figs) };
}

/** Read access to the recognized tables, each figure labelled with its table and line. */
export class Tables {
  constructor(readonly wb: Workbook) {}

  line01(key: Line01Key | ClassKey, col: number): Fig | null {
    return figOf(linesTable(this.wb, '01')?.lines.get(key)?.amounts.get(col), `${tableLabel('01')} ${LINE_NAMES_01[key] ?? key}`);
  }

  line04(key: Line04Key | ClassKey, col: number, colName = ''): Fig | null {
    return figOf(linesTable(this.wb, '04')?.lines.get(key)?.amounts.get(col), `${tableLabel('04')} ${LINE_NAMES_04[key] ?? key}${colName ? `（${colName}）` : ''}`);
  }

  coded(id: CodedTable['id']): CodedTable | undefined {
    return codedTable(this.wb, id);
  }

  /** 合计 row of a coded table, 栏次 col. */
  total(id: CodedTable['id'], col: number): Fig | null {
    const t = this.coded(id);
    return figOf(t?.total?.amounts.get(col), `${tableLabel(id)} 合计（${t?.columns.get(col) ?? `栏次${col}`}）`);
  }

  rowFig(id: CodedTable['id'], row: CodedRow, col: number): Fig | null {
    const t = this.coded(id);
    return figOf(row.amounts.get(col), `${tableLabel(id)} ${row.code} ${row.name}（${t?.columns.get(col) ?? `栏次${col}`}）`);
  }

  rows(id: CodedTable['id'], level: CodedRow['level']): CodedRow[] {
    return (this.coded(id)?.rows ?? []).filter((r) => r.level === level);
  }

  row(id: CodedTable['id'], code: string): CodedRow | undefined {
    return this.coded(id)?.rows.find((r) => r.code === code);
  }

  /** `{类}（类）{款}（款）{项}（项）` for a 项 of 05, names from the table's own 类 and 款 rows. */
  itemFullName(code: string): string {
    const t = this.coded('05');
    const name = (c: string) => t?.rows.find((r) => r.code === c)?.name ?? c;
    return `${name(code.slice(0, 3))}（类）${name(code.slice(0, 5))}（款）${name(code)}（项）`;
  }

  econItems(): ReadonlyArray<EconItem> {
    return econTable(this.wb)?.items ?? [];
  }

  econFig(item: EconItem): Fig | null {
    return figOf(item.amount, `${tableLabel('06')} ${item.code} ${item.name}`);
  }

  personnel(): Fig | null {
    return figOf(econTable(this.wb)?.personnelTotal, `${tableLabel('06')} 人员经费合计`);
  }

  publicCost(): Fig | null {
    return figOf(econTable(this.wb)?.publicTotal, `${tableLabel('06')} 公用经费合计`);
  }

  sangong(col: number, label: string): Fig | null {
    return figOf(sanGongTable(this.wb)?.amounts.get(col), `${tableLabel('09')} ${label}`);
  }
}

/** 部门名称 and 年度 from the tables' header rows ("部门：…", "2024年度"). */
export function headerInfo(grid: Grid, wb: Workbook): { dept: string | null; year: number | null } {
  let dept: string | null = null;
  let year: number | null = null;
  const sheets = new Set(Object.values(wb.tables).map((t) => t?.sheet));
  for (const s of grid.sheets) {
    if (!sheets.has(s.name)) continue;
    for (const row of s.rows.slice(0, 8)) {
      for (const c of row ?? []) {
        const v = typeof c?.value === 'string' ? c.value.replace(/[\s\u3000]/g, '') : '';
        const d = /^(?:部门|单位)(?:名称)?[:：](.+)$/.exec(v);
        if (d && !dept) dept = d[1];
        const y = /(\d{4})年度?/.exec(v);
        if (y && !year && !/部门/.test(v)) year = Number(y[1]);
      }
    }
    if (dept && year) break;
  }
  return { dept, year };
}
