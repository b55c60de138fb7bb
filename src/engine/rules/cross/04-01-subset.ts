import { linesTable } from '../../model';
import { defineRule } from '../../rule';
import { atMost, classLines, lineAmount } from '../util';

export default defineRule({
  id: 'cross/04-01-subset',
  severity: 'error',
  title: '财政拨款不超过全部收支',
  why: '财政拨款是部门全部资金的一部分：公开04表的本年支出合计、各类支出、年初和年末结转结余，都不会超过公开01表的对应数字。',
  check(ctx) {
    const t01 = linesTable(ctx.workbook, '01');
    const t04 = linesTable(ctx.workbook, '04');
    if (!t01 || !t04) return;
    const rels = [
      atMost([lineAmount(t04, 'r59', 2)], lineAmount(t01, 'r57', 2), '公开04表 本年支出合计 ≤ 公开01表 本年支出合计'),
      atMost([lineAmount(t04, 'r28', 1)], lineAmount(t01, 'r29', 1), '公开04表 年初财政拨款结转和结余 ≤ 公开01表 年初结转和结余'),
      atMost([lineAmount(t04, 'r60', 2)], lineAmount(t01, 'r59', 2), '公开04表 年末财政拨款结转和结余 ≤ 公开01表 年末结转和结余'),
    ];
    for (const { code, line } of classLines(t04)) {
      const whole = t01.lines.get(`c${code}`)?.amounts.get(2);
      rels.push(atMost([line.amounts.get(2)], whole, `公开04表 ${line.label}（合计）≤ 公开01表 同类支出`));
    }
    for (const rel of rels) if (rel) ctx.relation(rel);
  },
});
