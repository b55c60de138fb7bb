import Decimal from 'decimal.js';
import { parseA1, refKey } from '../../src/engine/a1';
import { analyze, codedTable, recognize } from '../../src/engine';
import { applyFills, planFill } from '../../src/engine/fill';
import { amountRoles } from '../../src/engine/fill/roles';
import { templateGrid } from '../../src/engine/template';
import { readWorkbookFile } from '../../src/io/read';
import { figure, withCell } from './roundtrip';

describe('the blank template', () => {
  test('is read back as the nine tables, with no finding but information', () => {
    const a = analyze(templateGrid({ year: 2024 }));
    expect(a.tables.map((t) => `${t.id} ${t.sheet} ${t.unit}`)).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09'].map((id) => `${id} 公开${id}表 万元`));
    expect(a.findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${f.sheet}!${f.cell} ${f.message}`)).toEqual([]);
  });

  test('in 元 too', () => {
    const a = analyze(templateGrid({ year: 2025, unit: '元', department: '某单位' }));
    expect(a.unit).toBe('元');
    expect(a.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  test('has nothing to fill', () => {
    const plan = planFill(templateGrid({ year: 2024 }));
    expect(plan.fills).toEqual([]);
    expect(plan.conflicts).toEqual([]);
  });
});

describe('filling the template as a user does', () => {
  test('enter the 科目编码 and the entered figures of the seed: fill gives every total and name back', async () => {
    const seed = await readWorkbookFile('tests/fixtures/hongshan-2024.xlsx');
    const { workbook } = recognize(seed);
    // The template prints the tables where the seed workbook has them, so cells share their addresses.
    let grid = templateGrid({ year: 2024, department: '武汉市洪山区城市运行管理中心' });
    const value = (ref: { sheet: string; cell: string }) => {
      const { r, c } = parseA1(ref.cell);
      return seed.sheets.find((s) => s.name === ref.sheet)!.rows[r]?.[c]?.value ?? null;
    };
    const roles = amountRoles(workbook);
    for (const { amount, role } of roles.values()) if (role === 'input') grid = withCell(grid, amount.ref.sheet, amount.ref.cell, value(amount.ref));
    const names = new Map<string, string>();
    for (const id of ['02', '03', '05'] as const) {
      for (const row of codedTable(workbook, id)!.rows) {
        grid = withCell(grid, row.codeRef.sheet, row.codeRef.cell, row.code);
        names.set(refKey(row.nameRef), row.name);
      }
    }
    const plan = planFill(grid);
    expect(plan.conflicts).toEqual([]);
    const filled = new Map(plan.fills.map((f) => [refKey(f.ref), f]));
    for (const [key, name] of names) expect([key, (filled.get(key) as { text?: string })?.text]).toEqual([key, name]);
    const differs: string[] = [];
    for (const { amount, role } of roles.values()) {
      if (role !== 'derived') continue;
      const f = filled.get(refKey(amount.ref));
      const got = f && f.kind === 'amount' ? f.value : new Decimal(0);
      if (!got.equals(figure(value(amount.ref)))) differs.push(`${refKey(amount.ref)} ${figure(value(amount.ref))} → ${got}`);
    }
    // As in the round trip: the seed's error at 04 G38, and 302/公用经费合计 printed with 尾差 against their 款.
    expect(differs).toEqual(['公开04表!G38 1010.7 → 1010.72', '公开06表!F6 48.17 → 48.18', '公开06表!F34 48.17 → 48.18']);
    expect(analyze(applyFills(grid, plan.fills)).findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});
