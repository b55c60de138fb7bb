import { codedTable, linesTable, tableLabel } from '../../model';
import { defineRule } from '../../rule';
import { classLines, isZero, lineAmount, rowByCode, same, shown } from '../util';

export default defineRule({
  id: 'cross/01-03-expense',
  severity: 'error',
  title: '总表支出与支出决算表一致',
  why: '公开01表的本年支出合计和各类支出，就是公开03表合计行和各类行的本年支出合计；03表没有的类，01表应为空。',
  check(ctx) {
    const t01 = linesTable(ctx.workbook, '01');
    const t03 = codedTable(ctx.workbook, '03');
    if (!t01 || !t03) return;
    const total = same(lineAmount(t01, 'r57', 2), t03.total?.amounts.get(1), '公开01表 本年支出合计 = 公开03表 合计（本年支出合计）');
    if (total) ctx.relation(total);
    for (const row of t03.rows.filter((r) => r.level === '类')) {
      const l = t01.lines.get(`c${row.code}`);
      if (!l) {
        if (!isZero(row.amounts.get(1))) {
          ctx.report({ table: '01', at: row.codeRef, severity: 'warning', message: `公开03表有 ${row.code} ${row.name}，但公开01表支出部分没有找到这一类，未能核对。请核对01表的支出项目名称。` });
        }
        continue;
      }
      const rel = same(l.amounts.get(2), row.amounts.get(1), `公开01表 ${l.label} = 公开03表 ${row.code} ${row.name}（本年支出合计）`);
      if (rel) ctx.relation(rel);
    }
    for (const { code, line } of classLines(t01)) {
      const a = line.amounts.get(2);
      if (a && !isZero(a) && !rowByCode(t03, code)) {
        ctx.report({
          table: '01',
          at: a.ref,
          related: t03.total ? [t03.total.codeRef] : [],
          expected: '0',
          actual: a.value.toFixed(),
          unit: a.unit,
          message: `${a.label}为 ${shown(a)}，但${tableLabel('03')}没有 ${code} 类的行。请在03表补上该类，或核对01表金额。`,
        });
      }
    }
  },
});
