import { codedTable, linesTable } from '../../model';
import { defineRule } from '../../rule';
import { lineAmount, same } from '../util';
import { checkDetailOf04 } from './detail-of-04';

export default defineRule({
  id: 'cross/04-08',
  severity: 'error',
  title: '国有资本经营财政拨款表与总表一致',
  why: '公开08表列示公开04表“国有资本经营预算财政拨款”一栏：08表合计 = 04表本年支出合计的该栏，各类与04表该类相同；08表为空表时该栏应为 0。',
  check(ctx) {
    const t04 = linesTable(ctx.workbook, '04');
    const t08 = codedTable(ctx.workbook, '08');
    if (!t04 || !t08) return;
    // An empty 08 printed with a note and no 合计 amounts is checked by 类 below, as 07 is.
    if (t08.total) ctx.relation(same(lineAmount(t04, 'r59', 5), t08.total.amounts.get(1), '公开04表 本年支出合计（国有资本经营预算财政拨款）= 公开08表 合计'));
    checkDetailOf04(ctx, t04, t08, 5, 1);
  },
});
