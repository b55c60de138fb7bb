import { RecognitionNote } from '../../recognize/notes';
import { tableLabel } from '../../model';
import { defineRule } from '../../rule';

type LayoutNote = Extract<RecognitionNote, { kind: 'column-missing' | 'line-missing' | 'no-data-rows' }>;

function message(n: LayoutNote): string {
  switch (n.kind) {
    case 'column-missing':
      return `${tableLabel(n.table)} 中没有找到“${n.column}”列，涉及该列的关系未检查。请核对表头是否完整。`;
    case 'line-missing':
      return `${tableLabel(n.table)} 中没有找到“${n.line}”行，涉及该行的关系未检查。请核对项目名称是否完整。`;
    case 'no-data-rows':
      return `${tableLabel(n.table)} 表头下没有找到数据行（合计行或科目行）。请核对表格内容。`;
  }
}

export default defineRule({
  id: 'structure/layout',
  severity: 'warning',
  title: '表头或行项目无法识别',
  why: '检查依靠表头（栏次、列名）和项目名称定位每个数字；缺少的列或行无法参与核对，需要告诉用户哪些没有检查。',
  check(ctx) {
    for (const n of ctx.notes) {
      if (n.kind !== 'column-missing' && n.kind !== 'line-missing' && n.kind !== 'no-data-rows') continue;
      ctx.report({ table: n.table, at: n.at, message: message(n) });
    }
  },
});
