import { codedTable, econTable } from '../../model';
import { defineRule } from '../../rule';
import { sumOf } from '../util';

export default defineRule({
  id: 'cross/05-06',
  severity: 'error',
  title: '基本支出等于人员经费与公用经费之和',
  why: '公开06表按经济分类列示公开05表的基本支出：05表合计行的基本支出 = 06表人员经费合计 + 公用经费合计。',
  check(ctx) {
    const t05 = codedTable(ctx.workbook, '05');
    const t06 = econTable(ctx.workbook);
    if (!t05?.total || !t06) return;
    const rel = sumOf(t05.total.amounts.get(2), [t06.personnelTotal, t06.publicTotal], '公开05表 合计（基本支出）= 公开06表 人员经费合计 + 公用经费合计');
    if (rel) ctx.relation(rel);
  },
});
