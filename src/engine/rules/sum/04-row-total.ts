import { linesTable } from '../../model';
import { defineRule } from '../../rule';
import { sumOf } from '../util';

export default defineRule({
  id: 'sum/04-row-total',
  severity: 'error',
  title: '财政拨款支出每行合计等于三类财政拨款之和',
  why: '公开04表支出部分每一行：合计 = 一般公共预算财政拨款 + 政府性基金预算财政拨款 + 国有资本经营预算财政拨款。',
  check(ctx) {
    const t = linesTable(ctx.workbook, '04');
    if (!t) return;
    for (const l of t.lines.values()) {
      if (!l.amounts.has(2)) continue;
      const rel = sumOf(l.amounts.get(2), [l.amounts.get(3), l.amounts.get(4), l.amounts.get(5)], `${l.amounts.get(2)!.label} = 一般公共预算 + 政府性基金预算 + 国有资本经营预算财政拨款`);
      if (rel) ctx.relation(rel);
    }
  },
});
