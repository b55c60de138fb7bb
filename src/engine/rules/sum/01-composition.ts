import { ClassKey, Line01Key, linesTable } from '../../model';
import { defineRule } from '../../rule';
import { classLines, lineAmount, same, sumOf } from '../util';

export default defineRule({
  id: 'sum/01-composition',
  severity: 'error',
  title: '收入支出决算总表的合计与总计',
  why: '公开01表：本年收入合计 = 各项收入之和；收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余；本年支出合计 = 各类支出之和；支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余；收入总计 = 支出总计。',
  check(ctx) {
    const t = linesTable(ctx.workbook, '01');
    if (!t) return;
    const inc = (k: Line01Key) => lineAmount(t, k, 1);
    const exp = (k: Line01Key | ClassKey) => lineAmount(t, k, 2);
    // A missing line is reported by the recognizer (structure/layout); its relations are then skipped and named.
    const income = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8'] as const;
    for (const rel of [
      sumOf(inc('r27'), income.map(inc), '本年收入合计 = 一至八项收入之和'),
      sumOf(inc('r30'), [inc('r27'), inc('r28'), inc('r29')], '收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余'),
      sumOf(exp('r57'), classLines(t).map((c) => c.line.amounts.get(2)), '本年支出合计 = 各类支出之和'),
      sumOf(exp('r60'), [exp('r57'), exp('r58'), exp('r59')], '支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余'),
      same(exp('r60'), inc('r30'), '收入总计与支出总计相等（收支平衡）'),
    ]) {
      if (rel) ctx.relation(rel);
    }
  },
});
