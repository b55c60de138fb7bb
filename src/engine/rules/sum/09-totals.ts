import { sanGongTable } from '../../model';
import { defineRule } from '../../rule';
import { sumOf } from '../util';

export default defineRule({
  id: 'sum/09-totals',
  severity: 'error',
  title: '“三公”经费合计与小计',
  why: '公开09表预算数、决算数各自：合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费；公务用车小计 = 购置费 + 运行维护费。',
  check(ctx) {
    const t = sanGongTable(ctx.workbook);
    if (!t) return;
    const a = (n: number) => t.amounts.get(n);
    for (const [base, name] of [
      [0, '预算数'],
      [6, '决算数'],
    ] as const) {
      for (const rel of [
        sumOf(a(base + 1), [a(base + 2), a(base + 3), a(base + 6)], `${name}合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费`),
        sumOf(a(base + 3), [a(base + 4), a(base + 5)], `${name}公务用车小计 = 公务用车购置费 + 公务用车运行维护费`),
      ]) {
        if (rel) ctx.relation(rel);
      }
    }
  },
});
