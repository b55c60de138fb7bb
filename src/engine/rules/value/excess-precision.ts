import { noteRule } from '../notes-rule';

export default noteRule({
  id: 'value/excess-precision',
  severity: 'warning',
  title: '金额小数位多于表格精度',
  why: '公开表按统一精度（通常 0.01 万元）列示；多出的小数位说明单元格里存的不是显示的数字，合计可能与显示不符。',
  kind: 'excess-precision',
  at: (n) => n.at,
  table: (n) => n.table,
  message: (n) => `${n.label}的存储值为 ${n.value}，超过表格的 ${n.decimals} 位小数。请把单元格的值四舍五入到 ${n.decimals} 位小数。`,
});
