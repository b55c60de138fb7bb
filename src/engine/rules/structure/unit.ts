import { tableLabel } from '../../model';
import { defineRule } from '../../rule';

export default defineRule({
  id: 'structure/unit',
  severity: 'warning',
  title: '金额单位缺失或不一致',
  why: '各表金额单位（万元或元）决定比较时的换算和尾差范围；单位缺失或各表不同，容易把 1 万元当成 1 元。',
  check(ctx) {
    for (const n of ctx.notes) {
      if (n.kind === 'unit-missing') {
        ctx.report({ table: n.table, at: n.at, message: `${tableLabel(n.table)} 没有写明金额单位，已按 ${n.assumed} 检查。请在表头补上“金额单位：${n.assumed}”。` });
      } else if (n.kind === 'unit-mismatch') {
        ctx.report({ table: n.table, at: n.at, message: `${tableLabel(n.table)} 的金额单位是 ${n.unit}，其他表多为 ${n.majority}；比较时已换算。请确认单位是否写错。` });
      } else if (n.kind === 'coarse-step') {
        ctx.report({
          table: n.table,
          at: n.at,
          severity: 'info',
          message: `各表金额均为 ${n.step} ${n.unit} 的整数倍，看来是由万元表换算而来，已按 0.01 万元（${n.step} 元）的精度判断尾差。`,
        });
      }
    }
  },
});
