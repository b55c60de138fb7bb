import { noteRule } from '../notes-rule';

export default noteRule({
  id: 'structure/no-tables',
  severity: 'error',
  title: '未找到任何决算公开表',
  why: '检查从识别九张公开表开始：按表名（如“收入支出决算总表”）、表号（公开01表）和表头识别，不依赖工作表名称或位置。',
  kind: 'no-tables',
  at: () => null,
  table: () => '--',
  message: (n) =>
    `在工作表 ${n.sheets.join('、') || '（无）'} 中没有找到任何一张部门决算公开表。请确认表名（如“收入支出决算总表”“支出决算表”）或表号（如“公开01表”）写在表格上方。`,
});
