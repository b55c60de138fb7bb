import { refKey } from '../a1';
import { Amount, CodedTable, codedTable, econTable, linesTable, sanGongTable, Workbook } from '../model';
import { childrenOf } from '../rules/util';

/**
 * What a blank amount means to the filler.
 * - `input`: a figure the user enters (项-level rows, 06 款, income items, carry-overs, 09 parts). Blank means
 *   “not entered”: it may still be copied from the same figure elsewhere, and counts as 0 once nothing else
 *   can be derived.
 * - `derived`: a total, a row total or a copy: blank means “to be filled” from the relations.
 * - `zero`: a line the rules require to be 0, e.g. a 01 expense 类 that 公开03表 does not list.
 */
export type Role = 'input' | 'derived' | 'zero';

/** 栏次 the user enters on the lowest printed rows of each coded table; the other columns are row totals. */
const INPUT_COLUMNS: Record<CodedTable['id'], ReadonlyArray<number>> = {
  '02': [2, 3, 4, 5, 6, 7],
  '03': [2, 3, 4, 5, 6],
  '05': [2, 3],
  '07': [1, 2, 4, 5],
  '08': [2, 3],
};

/** 01 and 04 lines entered by hand: 财政拨款 and other income by source, carry-overs, 结余分配. */
const INPUT_LINES_01 = new Set(['r1', 'r2', 'r3', 'r28', 'r29', 'r58']);
const INPUT_LINES_04 = new Set(['r1', 'r2', 'r3', 'r29', 'r30', 'r31', 'r61', 'r62', 'r63']);

/** 09 栏次 that are items; 1, 3, 7 and 9 are 合计 and 小计. */
const INPUT_09 = new Set([2, 4, 5, 6, 8, 10, 11, 12]);

/** 04 expense columns detailed by a coded table (栏次 of 04 → detail table). */
const DETAIL_OF_04: Record<number, '05' | '07' | '08'> = { 3: '05', 4: '07', 5: '08' };

/** The role of every amount the workbook shows, keyed by `sheet!A1`. */
export function amountRoles(wb: Workbook): Map<string, { amount: Amount; role: Role }> {
  const out = new Map<string, { amount: Amount; role: Role }>();
  const put = (a: Amount | null | undefined, role: Role) => {
    if (a) out.set(refKey(a.ref), { amount: a, role });
  };

  for (const id of ['02', '03', '05', '07', '08'] as const) {
    const t = codedTable(wb, id);
    if (!t) continue;
    if (t.total) for (const a of t.total.amounts.values()) put(a, 'derived');
    for (const row of t.rows) {
      // The lowest printed level carries the entered figures; a 类 printed without 款 is entered as it is.
      const leaf = childrenOf(t, row).length === 0;
      for (const [n, a] of row.amounts) put(a, leaf && INPUT_COLUMNS[id].includes(n) ? 'input' : 'derived');
    }
  }

  const t01 = linesTable(wb, '01');
  if (t01) {
    const t02 = codedTable(wb, '02');
    const t03 = codedTable(wb, '03');
    for (const [key, line] of t01.lines) {
      for (const a of line.amounts.values()) {
        let role: Role = 'derived';
        if (INPUT_LINES_01.has(key)) role = 'input';
        // 四 to 八 copy 02's 合计 row; without 02 they are entered.
        else if (/^r[4-8]$/.test(key)) role = t02?.total ? 'derived' : 'input';
        else if (key.startsWith('c')) role = !t03 ? 'input' : t03.rows.some((r) => r.code === key.slice(1)) ? 'derived' : 'zero';
        put(a, role);
      }
    }
  }

  const t04 = linesTable(wb, '04');
  if (t04) {
    const hasOpeningByKind = t04.lines.has('r29');
    for (const [key, line] of t04.lines) {
      for (const [n, a] of line.amounts) {
        let role: Role = 'derived';
        if (INPUT_LINES_04.has(key) || (key === 'r28' && !hasOpeningByKind)) role = 'input';
        else if (key.startsWith('c') && n >= 3) {
          const detail = codedTable(wb, DETAIL_OF_04[n]);
          role = !detail ? 'input' : detail.rows.some((r) => r.code === key.slice(1)) ? 'derived' : 'zero';
        }
        put(a, role);
      }
    }
  }

  const t06 = econTable(wb);
  if (t06) {
    for (const item of t06.items) {
      const hasKuan = item.code.length === 3 && t06.items.some((i) => i.code.length === 5 && i.code.startsWith(item.code));
      put(item.amount, hasKuan ? 'derived' : 'input');
    }
    put(t06.personnelTotal, 'derived');
    put(t06.publicTotal, 'derived');
  }

  const t09 = sanGongTable(wb);
  if (t09) for (const [n, a] of t09.amounts) put(a, INPUT_09.has(n) ? 'input' : 'derived');
  return out;
}
