import { tableLabel } from '../../model';
import { noteRule } from '../notes-rule';

export default noteRule({
  id: 'code/malformed',
  severity: 'warning',
  title: '科目编码格式不正确',
  why: '功能分类科目编码为 3 位（类）、5 位（款）或 7 位（项），经济分类为 3 位或 5 位；编码不完整（如被截断）的行无法参与层级核对。',
  kind: 'code-malformed',
  at: (n) => n.at,
  table: (n) => n.table,
  message: (n) => `${tableLabel(n.table)} 中科目编码“${n.code}”${n.name ? `（${n.name}）` : ''}不是有效的编码，该行未参与核对。请补全编码。`,
});
