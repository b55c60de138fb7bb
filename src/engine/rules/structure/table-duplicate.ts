import { tableLabel } from '../../model';
import { noteRule } from '../notes-rule';

export default noteRule({
  id: 'structure/table-duplicate',
  severity: 'warning',
  title: '同一张表出现两次',
  why: '每张公开表只应出现一次；出现两次时只检查第一张，另一张可能是旧版本或草稿。',
  kind: 'table-duplicate',
  at: (n) => n.ignored,
  related: (n) => [n.kept],
  table: (n) => n.table,
  message: (n) => `${tableLabel(n.table)} 出现了两次：已检查 ${n.kept.sheet}!${n.kept.cell} 处的表，未检查 ${n.ignored.sheet}!${n.ignored.cell} 处的表。请删除多余的一张或改正表名。`,
});
