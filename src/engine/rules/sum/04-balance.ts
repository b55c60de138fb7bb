import { Line04Key, linesTable } from '../../model';
import { defineRule } from '../../rule';
import { lineAmount, same, sumOf } from '../util';

export default defineRule({
  id: 'sum/04-balance',
  severity: 'error',
  title: '财政拨款收支平衡（总计及各类）',
  why: '公开04表：收入总计 = 支出总计（合计列）；每类财政拨款的支出总计 = 该类本年收入 + 该类年初结转和结余。',
  check(ctx) {
    const t = linesTable(ctx.workbook, '04');
    if (!t) return;
    const a = (k: Line04Key, n: number) => lineAmount(t, k, n);
    const kinds: Array<[number, Line04Key, Line04Key, string]> = [
      [3, 'r1', 'r29', '一般公共预算财政拨款'],
      [4, 'r2', 'r30', '政府性基金预算财政拨款'],
      [5, 'r3', 'r31', '国有资本经营预算财政拨款'],
    ];
    const rels = [same(a('r64', 2), a('r32', 1), '收入总计与支出总计（合计）相等')];
    if (t.lines.has('r29')) {
      for (const [n, inc, open, name] of kinds) rels.push(sumOf(a('r64', n), [a(inc, 1), a(open, 1)], `支出总计（${name}）= 本年${name}收入 + 年初${name}结转和结余`));
    }
    for (const rel of rels) if (rel) ctx.relation(rel);
  },
});
