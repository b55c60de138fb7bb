import { Amount, CodedTable, LinesTable, tableLabel } from '../../model';
import { RuleContext } from '../../rule';
import { COLUMN_NAMES_04 } from '../../recognize/lines';
import { classLines, isZero, rowByCode, same, shown } from '../util';

/**
 * 公开05/07/08表 detail one column of 公开04表 by 类: each 类 row equals the 04 line of that 类 in the column,
 * and a 类 the detail table lacks must be empty in 04. Shared by the three cross rules.
 */
export function checkDetailOf04(ctx: RuleContext, t04: LinesTable, detail: CodedTable, col04: number, colDetail: number): void {
  const colName = COLUMN_NAMES_04[col04];
  for (const row of detail.rows.filter((r) => r.level === '类')) {
    const l = t04.lines.get(`c${row.code}`);
    if (!l) continue;
    const rel = same(l.amounts.get(col04), row.amounts.get(colDetail), `公开04表 ${l.label}（${colName}）= ${tableLabel(detail.id)} ${row.code} ${row.name}`);
    if (rel) ctx.relation(rel);
  }
  for (const { code, line } of classLines(t04)) {
    const a: Amount | undefined = line.amounts.get(col04);
    if (!a || isZero(a) || rowByCode(detail, code)) continue;
    ctx.report({
      table: '04',
      at: a.ref,
      expected: '0',
      actual: a.value.toFixed(),
      unit: a.unit,
      message: `${a.label}为 ${shown(a)}，但${tableLabel(detail.id)}${detail.emptyNote ? '为空表' : `没有 ${code} 类的行`}。两表应一致，请核对。`,
    });
  }
}
