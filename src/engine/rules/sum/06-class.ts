import { econTable } from '../../model';
import { defineRule } from '../../rule';
import { sumOf } from '../util';

export default defineRule({
  id: 'sum/06-class',
  severity: 'error',
  title: '经济分类类级等于其各款之和',
  why: '公开06表中，301 工资福利支出、302 商品和服务支出、303 对个人和家庭的补助等类级金额，等于其下各款之和。',
  check(ctx) {
    const t = econTable(ctx.workbook);
    if (!t) return;
    for (const cls of t.items.filter((i) => i.code.length === 3)) {
      const kids = t.items.filter((i) => i.code.length === 5 && i.code.startsWith(cls.code));
      if (!kids.length) continue;
      const rel = sumOf(cls.amount, kids.map((k) => k.amount), `${cls.code} ${cls.name} = 其下各款之和（${kids.length} 款）`);
      if (rel) ctx.relation(rel);
    }
  },
});
