import { TABLE_TITLES, tableLabel } from '../../model';
import { noteRule } from '../notes-rule';

export default noteRule({
  id: 'structure/table-missing',
  severity: 'warning',
  title: '缺少公开表',
  why: '部门决算公开表共九张；缺少一张时，与它有关的核对关系都无法检查。',
  kind: 'table-missing',
  at: () => null,
  table: (n) => n.table,
  message: (n) =>
    `没有找到 ${tableLabel(n.table)}（${TABLE_TITLES[n.table]}），与它有关的核对关系未检查。若该表在工作簿中，请确认表名或表号写在表格上方。`,
});
