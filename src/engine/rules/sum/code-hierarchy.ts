import { CodedRow, TABLE_IDS } from '../../model';
import { defineRule } from '../../rule';
import { childrenOf, sumOf } from '../util';

export default defineRule({
  id: 'sum/code-hierarchy',
  severity: 'error',
  title: '合计与上级科目等于下级科目之和',
  why: '按功能分类列示的表（公开02、03、05、07、08表）中，合计等于各类之和，类等于其各款之和，款等于其各项之和；只在上下级都列出时核对。',
  check(ctx) {
    for (const id of TABLE_IDS) {
      const t = ctx.workbook.tables[id];
      if (!t || t.kind !== 'coded') continue;
      const parents: Array<CodedRow | null> = [t.total, ...t.rows.filter((r) => r.level !== '项')];
      for (const parent of parents) {
        if (parent === null && !t.total) continue;
        const kids = childrenOf(t, parent);
        if (!kids.length || !parent) continue;
        const what = parent.level === '合计' ? '各类' : parent.level === '类' ? '所属各款' : '所属各项';
        const codes = kids.map((k) => k.code).join('、');
        for (const n of t.columns.keys()) {
          const rel = sumOf(
            parent.amounts.get(n),
            kids.map((k) => k.amounts.get(n)),
            `${parent.amounts.get(n)?.label ?? ''} = ${what}之和（${codes}）`,
          );
          if (rel) ctx.relation(rel);
        }
      }
    }
  },
});
