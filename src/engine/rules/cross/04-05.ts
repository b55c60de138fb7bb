import { codedTable, linesTable } from '../../model';
import { defineRule } from '../../rule';
import { lineAmount, same } from '../util';
import { checkDetailOf04 } from './detail-of-04';

export default defineRule({
  id: 'cross/04-05',
  severity: 'error',
  title: '一般公共预算财政拨款支出表与总表一致',
  why: '公开05表按功能分类列示公开04表“一般公共预算财政拨款”一栏：05表合计 = 04表本年支出合计的该栏，05表每一类 = 04表该类的该栏。',
  check(ctx) {
    const t04 = linesTable(ctx.workbook, '04');
    const t05 = codedTable(ctx.workbook, '05');
    if (!t04 || !t05) return;
    const rel = same(lineAmount(t04, 'r59', 3), t05.total?.amounts.get(1), '公开04表 本年支出合计（一般公共预算财政拨款）= 公开05表 合计');
    if (rel) ctx.relation(rel);
    checkDetailOf04(ctx, t04, t05, 3, 1);
  },
});
