import { tableLabel } from '../../model';
import { noteRule } from '../notes-rule';

export default noteRule({
  id: 'code/order',
  severity: 'warning',
  title: '科目编码顺序颠倒',
  why: '科目按编码顺序列示（类后紧跟其款，款后紧跟其项）；顺序颠倒常是行被移动或编码写错。',
  kind: 'code-order',
  at: (n) => n.at,
  table: (n) => n.table,
  message: (n) => `${tableLabel(n.table)} 中科目 ${n.code} 排在 ${n.previous} 之后，顺序颠倒。请核对编码或行序。`,
});
