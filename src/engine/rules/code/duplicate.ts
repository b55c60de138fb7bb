import { tableLabel } from '../../model';
import { noteRule } from '../notes-rule';

export default noteRule({
  id: 'code/duplicate',
  severity: 'warning',
  title: '科目编码重复',
  why: '同一科目在一张表中只列一行；编码重复多是项级编码被截断成款级（如 7 位编码只显示 5 位）。',
  kind: 'code-duplicate',
  at: (n) => n.at,
  related: (n) => [n.first],
  table: (n) => n.table,
  message: (n) => `${tableLabel(n.table)} 中科目编码 ${n.code} 出现了两次（首次在 ${n.first.cell}），该行未参与核对。请补全或改正编码。`,
});
