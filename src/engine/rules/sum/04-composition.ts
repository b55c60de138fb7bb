import { ClassKey, Line04Key, linesTable } from '../../model';
import { defineRule } from '../../rule';
import { COLUMN_NAMES_04 } from '../../recognize/lines';
import { classLines, isZero, lineAmount, sumOf } from '../util';

export default defineRule({
  id: 'sum/04-composition',
  severity: 'error',
  title: '财政拨款收入支出决算总表的合计与总计',
  why: '公开04表：本年收入合计 = 三类财政拨款之和；年初财政拨款结转和结余 = 其三类之和；收入总计 = 本年收入合计 + 年初结转和结余；每一支出列中，本年支出合计 = 各类支出之和，支出总计 = 本年支出合计 + 年末结转和结余。',
  check(ctx) {
    const t = linesTable(ctx.workbook, '04');
    if (!t) return;
    const a = (k: Line04Key | ClassKey, n: number) => lineAmount(t, k, n);
    const rels = [
      sumOf(a('r27', 1), [a('r1', 1), a('r2', 1), a('r3', 1)], '本年收入合计 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算财政拨款'),
      t.lines.has('r29') ? sumOf(a('r28', 1), [a('r29', 1), a('r30', 1), a('r31', 1)], '年初财政拨款结转和结余 = 其中三类之和') : null,
      sumOf(a('r32', 1), [a('r27', 1), a('r28', 1)], '收入总计 = 本年收入合计 + 年初财政拨款结转和结余'),
    ];
    for (let n = 2; n <= 5; n++) {
      const col = COLUMN_NAMES_04[n];
      rels.push(sumOf(a('r59', n), classLines(t).map((c) => c.line.amounts.get(n)), `本年支出合计（${col}）= 各类支出之和`));
      rels.push(sumOf(a('r64', n), [a('r59', n), a('r60', n)], `支出总计（${col}）= 本年支出合计 + 年末财政拨款结转和结余`));
      const parts = (['r61', 'r62', 'r63'] as const).map((k) => a(k, n));
      // Rows 61–63 are optional; where they carry amounts they break 年末 down by kind.
      if (parts.some((p) => !isZero(p))) rels.push(sumOf(a('r60', n), parts, `年末财政拨款结转和结余（${col}）= 其下各行之和`));
    }
    for (const rel of rels) if (rel) ctx.relation(rel);
  },
});
