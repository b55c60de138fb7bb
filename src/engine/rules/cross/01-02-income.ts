import { codedTable, Line01Key, linesTable } from '../../model';
import { defineRule } from '../../rule';
import { lineAmount, same, sumOf } from '../util';

export default defineRule({
  id: 'cross/01-02-income',
  severity: 'error',
  title: '总表收入与收入决算表一致',
  why: '公开01表的本年收入合计和各项收入，就是公开02表合计行的对应各栏；财政拨款收入是三类财政拨款收入之和。',
  check(ctx) {
    const t01 = linesTable(ctx.workbook, '01');
    const t02 = codedTable(ctx.workbook, '02');
    if (!t01 || !t02?.total) return;
    const c = (n: number) => t02.total!.amounts.get(n);
    const r = (k: Line01Key) => lineAmount(t01, k, 1);
    const rels = [
      same(r('r27'), c(1), '公开01表 本年收入合计 = 公开02表 合计（本年收入合计）'),
      sumOf(c(2), [r('r1'), r('r2'), r('r3')], '公开02表 合计（财政拨款收入）= 公开01表 三类财政拨款收入之和'),
    ];
    const pairs: Array<[Line01Key, number]> = [
      ['r4', 3],
      ['r5', 4],
      ['r6', 5],
      ['r7', 6],
      ['r8', 7],
    ];
    for (const [k, n] of pairs) rels.push(same(r(k), c(n)));
    for (const rel of rels) if (rel) ctx.relation(rel);
  },
});
