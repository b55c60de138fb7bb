import { econTable, sanGongTable } from '../../model';
import { defineRule } from '../../rule';
import { atMost } from '../util';

const PAIRS: Array<[string, number, string]> = [
  ['30231', 11, '公务用车运行维护费'],
  ['30217', 12, '公务接待费'],
  ['30212', 8, '因公出国（境）费'],
  ['31013', 10, '公务用车购置费'],
];

export default defineRule({
  id: 'cross/06-09-subset',
  severity: 'error',
  title: '基本支出中的“三公”经费不超过“三公”决算',
  why: '公开06表只含一般公共预算基本支出，公开09表“三公”经费决算数还含项目支出等，所以06表的公务用车运行维护费、公务接待费、因公出国（境）费用、公务用车购置不会超过09表对应决算数。',
  check(ctx) {
    const t06 = econTable(ctx.workbook);
    const t09 = sanGongTable(ctx.workbook);
    if (!t06 || !t09) return;
    for (const [code, n, name] of PAIRS) {
      const part = t06.items.find((i) => i.code === code)?.amount;
      const whole = t09.amounts.get(n);
      const rel = atMost([part], whole, `公开06表 ${code} ≤ 公开09表 ${name}决算数`);
      if (rel && whole) ctx.relation(rel, { target: whole });
    }
  },
});
