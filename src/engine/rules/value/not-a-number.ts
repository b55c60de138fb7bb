import { noteRule } from '../notes-rule';

export default noteRule({
  id: 'value/not-a-number',
  severity: 'error',
  title: '金额单元格中不是数字',
  why: '金额单元格只能是数字、空白、0 或“-”；其他文字无法参与合计，相关关系也无法检查。',
  kind: 'not-a-number',
  at: (n) => n.at,
  table: (n) => n.table,
  message: (n) => `${n.label}填的是“${n.text}”，不是金额。请改为数字（无金额时留空或填 0）。`,
});
