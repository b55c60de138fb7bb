import { codedTable } from '../../model';
import { defineRule } from '../../rule';
import { signedSum } from '../util';

export default defineRule({
  id: 'sum/07-balance',
  severity: 'error',
  title: '政府性基金 年末结转和结余 = 年初 + 本年收入 − 本年支出',
  why: '公开07表每一行：年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出。',
  check(ctx) {
    const t = codedTable(ctx.workbook, '07');
    if (!t) return;
    for (const row of [t.total, ...t.rows]) {
      if (!row) continue;
      const a = row.amounts;
      const rel = signedSum(
        a.get(6),
        [
          [a.get(1), 1],
          [a.get(2), 1],
          [a.get(3), -1],
        ],
        `${a.get(6)?.label ?? ''} = 年初结转和结余 + 本年收入 − 本年支出小计`,
      );
      if (rel) ctx.relation(rel);
    }
  },
});
