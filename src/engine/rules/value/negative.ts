import { noteRule } from '../notes-rule';

export default noteRule({
  id: 'value/negative',
  severity: 'warning',
  title: '金额为负数',
  why: '公开表中的收入、支出和结转结余通常不为负；负数多为录入错误或符号写反。',
  kind: 'negative',
  at: (n) => n.at,
  table: (n) => n.table,
  message: (n) => `${n.label}为负数 ${n.value}。请确认是否录入错误。`,
});
