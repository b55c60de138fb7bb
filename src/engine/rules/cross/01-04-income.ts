import { codedTable, linesTable } from '../../model';
import { defineRule } from '../../rule';
import { lineAmount, same } from '../util';

export default defineRule({
  id: 'cross/01-04-income',
  severity: 'error',
  title: '财政拨款收入在各表中一致',
  why: '公开04表的三类财政拨款收入与公开01表相同；04表本年收入合计就是02表合计行的财政拨款收入。',
  check(ctx) {
    const t01 = linesTable(ctx.workbook, '01');
    const t04 = linesTable(ctx.workbook, '04');
    const t02 = codedTable(ctx.workbook, '02');
    if (!t04) return;
    const rels = [same(lineAmount(t04, 'r27', 1), t02?.total?.amounts.get(2), '公开04表 本年收入合计 = 公开02表 合计（财政拨款收入）')];
    if (t01) for (const k of ['r1', 'r2', 'r3'] as const) rels.push(same(lineAmount(t04, k, 1), lineAmount(t01, k, 1)));
    for (const rel of rels) if (rel) ctx.relation(rel);
  },
});
