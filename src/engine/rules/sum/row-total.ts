import { CodedTable } from '../../model';
import { defineRule } from '../../rule';
import { signedSum } from '../util';

/** Per table: the total column and its parts, by 栏次. */
const ROW_SUMS: Partial<Record<CodedTable['id'], Array<[number, number[]]>>> = {
  '02': [[1, [2, 3, 4, 5, 6, 7]]],
  '03': [[1, [2, 3, 4, 5, 6]]],
  '05': [[1, [2, 3]]],
  '07': [[3, [4, 5]]],
  '08': [[1, [2, 3]]],
};

export default defineRule({
  id: 'sum/row-total',
  severity: 'error',
  title: '每行合计等于各列之和',
  why: '公开02表 本年收入合计 = 各项收入之和；公开03表 本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出；公开05、08表 合计 = 基本支出 + 项目支出；公开07表 本年支出小计 = 基本支出 + 项目支出。',
  check(ctx) {
    for (const t of Object.values(ctx.workbook.tables)) {
      if (!t || t.kind !== 'coded') continue;
      for (const [totalCol, parts] of ROW_SUMS[t.id] ?? []) {
        // The same for every row: the columns present and the text naming them.
        const present = parts.filter((n) => t.columns.has(n));
        const named = parts.map((n) => t.columns.get(n)).join(' + ');
        for (const row of [t.total, ...t.rows]) {
          if (!row) continue;
          const total = row.amounts.get(totalCol);
          const terms = present.map((n) => [row.amounts.get(n), 1] as [typeof total, 1]);
          const rel = signedSum(total, terms, `${total?.label ?? ''} = ${named}`);
          if (rel) ctx.relation(rel);
        }
      }
    }
  },
});
