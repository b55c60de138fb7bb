import { sanGongTable } from '../../model';
import { SANGONG_COLUMNS } from '../../recognize/sangong';
import { defineRule } from '../../rule';
import { shown } from '../util';

export default defineRule({
  id: 'plausibility/09-over-budget',
  severity: 'warning',
  title: '“三公”经费决算超过预算',
  why: '“三公”经费决算数通常不超过预算数；决算数含以前年度结转，可能超过，但应在情况说明中解释原因。',
  check(ctx) {
    const t = sanGongTable(ctx.workbook);
    if (!t) return;
    for (let n = 1; n <= 6; n++) {
      const budget = t.amounts.get(n);
      const actual = t.amounts.get(n + 6);
      if (!budget || !actual) continue;
      // One table, one unit: the 厘 compare as the values do (Decimal only for odd values).
      const over = actual.li !== null && budget.li !== null ? actual.li > budget.li : actual.value.greaterThan(budget.value);
      if (!over) continue;
      ctx.report({
        table: '09',
        at: actual.ref,
        related: [budget.ref],
        expected: budget.value.toFixed(),
        actual: actual.value.toFixed(),
        difference: actual.value.minus(budget.value).toFixed(),
        unit: actual.unit,
        message: `${SANGONG_COLUMNS[n + 6]} ${shown(actual)} 超过预算数 ${shown(budget)}。若因使用以前年度结转资金，请在情况说明中解释；否则请核对。`,
      });
    }
  },
});
