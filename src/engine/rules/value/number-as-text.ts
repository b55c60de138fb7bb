import { noteRule } from '../notes-rule';

export default noteRule({
  id: 'value/number-as-text',
  severity: 'warning',
  title: '数字存储为文本',
  why: '以文本形式存放的数字（如 "1,010.72"）在 Excel 的 SUM 等公式中会被忽略，合计容易出错；检查时仍按数字核对。',
  kind: 'number-as-text',
  at: (n) => n.at,
  table: (n) => n.table,
  message: (n) => `${n.label}的“${n.text}”是以文本形式存放的数字。已按数字检查；建议转换为数字格式，以免公式漏算。`,
});
