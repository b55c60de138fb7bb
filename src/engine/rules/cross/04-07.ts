import { codedTable, linesTable } from '../../model';
import { defineRule } from '../../rule';
import { lineAmount, same } from '../util';
import { checkDetailOf04 } from './detail-of-04';

export default defineRule({
  id: 'cross/04-07',
  severity: 'error',
  title: '政府性基金财政拨款表与总表一致',
  why: '公开07表列示公开04表“政府性基金预算财政拨款”一栏：年初结转和结余、本年收入、本年支出、年末结转和结余的合计与04表对应数字相同，各类支出与04表该类相同；07表为空表时这些数字都应为 0。',
  check(ctx) {
    const t04 = linesTable(ctx.workbook, '04');
    const t07 = codedTable(ctx.workbook, '07');
    if (!t04 || !t07) return;
    const total = t07.total?.amounts;
    if (total) {
      const pairs: Array<[ReturnType<typeof lineAmount>, number, string]> = [
        [lineAmount(t04, 'r30', 1), 1, '年初结转和结余'],
        [lineAmount(t04, 'r2', 1), 2, '本年收入'],
        [lineAmount(t04, 'r59', 4), 3, '本年支出'],
        [lineAmount(t04, 'r60', 4), 6, '年末结转和结余'],
      ];
      for (const [a04, n, what] of pairs) {
        const rel = same(a04, total.get(n), `公开04表 政府性基金预算财政拨款${what} = 公开07表 合计（${what}）`);
        if (rel) ctx.relation(rel);
      }
    }
    checkDetailOf04(ctx, t04, t07, 4, 3);
  },
});
