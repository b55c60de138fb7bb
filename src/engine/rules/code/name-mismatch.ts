import { codedTable, econTable, tableLabel } from '../../model';
import { nameAgrees } from '../../subjects';
import { defineRule } from '../../rule';

export default defineRule({
  id: 'code/name-mismatch',
  severity: 'warning',
  title: '科目编码与科目名称不一致',
  why: '每个科目编码对应一个标准名称（政府收支分类科目、部门预算支出经济分类科目）；编码和名称对不上，往往是编码填错了行，或名称抄错了科目。名称按科目表核对（内置的与用 juesuan catalogue import 导入的），科目表中没有的编码在报告中列出。',
  check(ctx) {
    for (const id of ['02', '03', '05', '07', '08'] as const) {
      for (const row of codedTable(ctx.workbook, id)?.rows ?? []) {
        const standard = ctx.catalogue.name(row.code!);
        if (!row.name || !standard || nameAgrees(ctx.catalogue, row.name, row.code!)) continue;
        ctx.report({
          table: id,
          at: row.nameRef,
          related: [row.codeRef],
          message: `${tableLabel(id)} 科目编码 ${row.code} 的标准名称是“${standard}”，表中为“${row.name}”。请核对编码或名称。`,
        });
      }
    }
    for (const item of econTable(ctx.workbook)?.items ?? []) {
      const standard = ctx.catalogue.name(item.code);
      if (!item.name || !standard || nameAgrees(ctx.catalogue, item.name, item.code)) continue;
      ctx.report({
        table: '06',
        at: item.nameRef,
        related: [item.codeRef],
        message: `${tableLabel('06')} 经济分类科目编码 ${item.code} 的标准名称是“${standard}”，表中为“${item.name}”。请核对编码或名称。`,
      });
    }
  },
});
