import { Amount, codedTable, CodedTable, tableLabel } from '../../model';
import { defineRule } from '../../rule';
import { atMost, isZero, rowByCode } from '../util';

/** Columns of 05/07/08 that are parts of 03's 本年支出合计 (1), 基本支出 (2) and 项目支出 (3). */
const PARTS: Record<'05' | '07' | '08', Record<number, number>> = {
  '05': { 1: 1, 2: 2, 3: 3 },
  '07': { 1: 3, 2: 4, 3: 5 },
  '08': { 1: 1, 2: 2, 3: 3 },
};
const COLUMN_NAMES_03: Record<number, string> = { 1: '本年支出合计', 2: '基本支出', 3: '项目支出' };

export default defineRule({
  id: 'cross/fiscal-within-03',
  severity: 'error',
  title: '三类财政拨款支出不超过支出决算表',
  why: '公开05、07、08表分别是一般公共预算、政府性基金、国有资本经营财政拨款的支出，互不重叠，都是公开03表的一部分：每个科目在03表中都要列出，三表之和不超过03表同一科目、同一栏（合计、基本支出、项目支出）。',
  check(ctx) {
    const t03 = codedTable(ctx.workbook, '03');
    if (!t03) return;
    const details = (['05', '07', '08'] as const).map((id) => codedTable(ctx.workbook, id)).filter((t): t is CodedTable => !!t);
    const codes = new Set<string | null>([null]);
    for (const d of details) {
      for (const row of d.rows) {
        if (rowByCode(t03, row.code!)) codes.add(row.code);
        else if (!isZero(row.amounts.get(PARTS[d.id as '05'][1]))) {
          ctx.report({
            table: d.id,
            at: row.codeRef,
            related: t03.total ? [t03.total.codeRef] : [],
            message: `${tableLabel(d.id)} 有科目 ${row.code} ${row.name}，但公开03表没有这个科目。财政拨款支出是全部支出的一部分，请在03表补上该科目或核对编码。`,
          });
        }
      }
    }
    for (const code of codes) {
      const whole = code === null ? t03.total : rowByCode(t03, code);
      if (!whole) continue;
      for (const n of [1, 2, 3]) {
        const parts: Amount[] = [];
        for (const d of details) {
          const row = code === null ? d.total : rowByCode(d, code);
          const a = row?.amounts.get(PARTS[d.id as '05'][n]);
          if (a && !isZero(a)) parts.push(a);
        }
        if (!parts.length) continue;
        const name = code === null ? '合计' : `${code} ${whole.name}`;
        const rel = atMost(parts, whole.amounts.get(n), `${parts.map((p) => tableLabel(p.table)).join(' + ')} 的 ${name}（${COLUMN_NAMES_03[n]}）≤ 公开03表 同一科目`);
        if (rel) ctx.relation(rel);
      }
    }
  },
});
