/** Layouts seen in the wild (tables.md, “Layout variations to tolerate”), built from the corrected seed. */
import { analyze, Finding } from '../../src/engine';
import { cleanSeed, setCell } from '../support/grids';

type G = ReturnType<typeof cleanSeed>;
const problems = (g: G) => analyze(g).findings.filter((f: Finding) => f.severity !== 'info').map((f) => `${f.rule} ${f.sheet}!${f.cell} ${f.message}`);
const sheet = (g: G, name: string) => g.sheets.find((s) => s.name === name)!;

test('07 published as its title and a note only is an empty table, not a missing one', () => {
  const g = cleanSeed();
  const s = sheet(g, '公开07表');
  s.rows = [[{ value: '政府性基金预算财政拨款收入支出决算表' }], [], [{ value: '本部门2024年度无政府性基金预算财政拨款收入支出，故本表为空表。' }]];
  s.merges = [];
  const a = analyze(g);
  expect(a.tables.map((t) => t.id)).toContain('07');
  const t07 = a.workbook.tables['07'];
  expect(t07?.kind === 'coded' && t07.emptyNote).toBe('本部门2024年度无政府性基金预算财政拨款收入支出，故本表为空表。');
  expect(problems(g)).toEqual([]);
});

test('headers with line breaks and spaces, and no 栏次 row, are read by their words', () => {
  const g = cleanSeed();
  const s = sheet(g, '公开03表');
  s.rows.splice(5, 1); // the 栏次 row
  setCell(g, '公开03表', 'A4', '项 目');
  setCell(g, '公开03表', 'C4', '本年支出\n合计');
  setCell(g, '公开03表', 'D4', '基本\n支出');
  setCell(g, '公开03表', 'F4', '上缴上\n级支出');
  setCell(g, '公开03表', 'H4', '对附属\n单位补\n助支出');
  expect(problems(g)).toEqual([]);
  const t03 = analyze(g).workbook.tables['03'];
  expect(t03?.kind === 'coded' && [...t03.columns.keys()]).toEqual([1, 2, 3, 4, 5, 6]);
});

test('a table without its title is found by its sheet name 表3', () => {
  const g = cleanSeed();
  const s = sheet(g, '公开03表');
  s.name = '表3';
  setCell(g, '表3', 'A1', null);
  setCell(g, '表3', 'H2', null);
  expect(problems(g)).toEqual([]);
  expect(analyze(g).tables.find((t) => t.id === '03')?.sheet).toBe('表3');
});

test('a table without its title is found by a spaced 表号 公开 3 表 on a sheet named Sheet3', () => {
  const g = cleanSeed();
  sheet(g, '公开03表').name = 'Sheet3';
  setCell(g, 'Sheet3', 'A1', null);
  setCell(g, 'Sheet3', 'H2', '公开 3 表');
  expect(problems(g)).toEqual([]);
  expect(analyze(g).tables.find((t) => t.id === '03')?.sheet).toBe('Sheet3');
});

test('zeros written 0.00, — and - are exact zeros, with no warning', () => {
  const g = cleanSeed();
  setCell(g, '公开02表', 'E7', '0.00');
  setCell(g, '公开02表', 'F7', '—');
  setCell(g, '公开02表', 'G7', '-');
  setCell(g, '公开02表', 'H7', 0);
  expect(problems(g)).toEqual([]);
});

test('code and name in one cell (2010350 事业运行) are split', () => {
  const g = cleanSeed();
  setCell(g, '公开03表', 'A10', '2010350 事业运行');
  setCell(g, '公开03表', 'B10', null);
  expect(problems(g)).toEqual([]);
  const t03 = analyze(g).workbook.tables['03'];
  expect(t03?.kind === 'coded' && t03.rows.find((r) => r.code === '2010350')?.name).toBe('事业运行');
});

test('09 with the other wordings 公务用车购置及运行费 / 公务用车运行费 and no 栏次 numbers', () => {
  const g = cleanSeed();
  setCell(g, '公开09表', 'C5', '公务用车购置及运行费');
  setCell(g, '公开09表', 'I5', '公务用车购置及运行费');
  setCell(g, '公开09表', 'E6', '公务用车运行费');
  setCell(g, '公开09表', 'K6', '公务用车运行费');
  sheet(g, '公开09表').rows.splice(6, 1);
  expect(problems(g)).toEqual([]);
  const t09 = analyze(g).workbook.tables['09'];
  expect(t09?.kind === 'sangong' && [...t09.amounts.entries()].filter(([, a]) => !a.value.isZero()).map(([n]) => n)).toEqual([1, 3, 5, 7, 9, 11]);
});

test('one table in 元 among 万元 tables is converted and reported', () => {
  const g = cleanSeed();
  setCell(g, '公开09表', 'L3', '金额单位：元');
  for (const c of ['A8', 'C8', 'E8', 'G8', 'I8', 'K8']) setCell(g, '公开09表', c, 8800);
  const f = analyze(g).findings.filter((x) => x.severity !== 'info');
  expect(f.map((x) => `${x.rule} ${x.sheet}!${x.cell}`)).toEqual(['structure/unit 公开09表!L3']);
});

test('tables outside the nine (政府采购, 机关运行经费 …) are listed as other tables, never read as one of them', () => {
  const g = cleanSeed();
  const s = sheet(g, '公开09表');
  const below = s.rows.length + 2;
  s.rows[below] = [{ value: '机关运行经费支出决算表' }];
  s.rows[below + 1] = [{ value: '项目' }, { value: '决算数' }];
  s.rows[below + 2] = [{ value: '机关运行经费' }, { value: 'x' }];
  g.sheets.push({ name: '表10', rows: [[{ value: '政府采购情况表' }], [{ value: '项目' }, { value: '合计' }], [{ value: '货物' }, { value: 12.3 }]], merges: [] });
  const a = analyze(g);
  expect(a.workbook.otherTables.map((t) => `${t.title} ${t.sheet}!${t.cell}`)).toEqual([`机关运行经费支出决算表 公开09表!A${below + 1}`, '政府采购情况表 表10!A1']);
  expect(a.tables.map((t) => t.id)).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09']);
  expect(problems(g)).toEqual([]);
});

test('a line a relation needs and the table lacks is a structure finding, and its relations are named as skipped', () => {
  const g = cleanSeed();
  const t01 = sheet(g, '公开01表');
  const row = t01.rows.findIndex((r) => typeof r?.[0]?.value === 'string' && (r[0].value as string).includes('事业收入'));
  setCell(g, '公开01表', `A${row + 1}`, null);
  const a = analyze(g);
  expect(problems(g)).toEqual([expect.stringMatching(/^structure\/layout 公开01表!A\d+ .*事业收入/)]);
  expect(a.coverage.skipped).toEqual([
    { rule: 'sum/01-composition', text: '本年收入合计 = 一至八项收入之和' },
    { rule: 'cross/01-02-income', text: '公开02表 合计（事业收入） 与其另一处相同' },
  ]);
  expect(a.coverage.allowed).toBe(a.coverage.checked + 2);
});
