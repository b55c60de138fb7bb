import { tableLabel } from '../../model';
import { noteRule } from '../notes-rule';

export default noteRule({
  id: 'code/orphan',
  severity: 'warning',
  title: '下级科目缺少上级科目行',
  why: '按科目列示的表中，每个项都列在其款之下，每个款都列在其类之下；缺少上级行时上下级之和无法核对。',
  kind: 'code-orphan',
  at: (n) => n.at,
  table: (n) => n.table,
  message: (n) => `${tableLabel(n.table)} 中科目 ${n.code} 的上级科目 ${n.parent} 没有列出。请补上上级科目行。`,
});
