import { econTable } from '../../model';
import { defineRule } from '../../rule';
import { sumOf } from '../util';

export default defineRule({
  id: 'sum/06-totals',
  severity: 'error',
  title: '人员经费合计、公用经费合计等于各类之和',
  why: '公开06表：人员经费合计 = 301 工资福利支出 + 303 对个人和家庭的补助；公用经费合计 = 302 + 307 + 310 + 399 各类之和。',
  check(ctx) {
    const t = econTable(ctx.workbook);
    if (!t) return;
    const classes = t.items.filter((i) => i.code.length === 3);
    const personnel = classes.filter((i) => i.block === '人员经费');
    const pub = classes.filter((i) => i.block === '公用经费');
    for (const rel of [
      sumOf(t.personnelTotal, personnel.map((i) => i.amount), `人员经费合计 = ${personnel.map((i) => i.code).join(' + ')}`),
      sumOf(t.publicTotal, pub.map((i) => i.amount), `公用经费合计 = ${pub.map((i) => i.code).join(' + ')}`),
    ]) {
      if (rel) ctx.relation(rel);
    }
  },
});
