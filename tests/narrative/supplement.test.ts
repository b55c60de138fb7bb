/** The 补充信息 sheet: layout from the tables, reading by key, and its checks. */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { recognize } from '../../src/engine';
import { narrativeContext, supplementLayout } from '../../src/engine/narrative';
import { readWorkbookBytes } from '../../src/io/read';
import { writeSupplementSheet } from '../../src/cli/supplement';
import { amountsOf, EXAMPLE, FIXTURE, gridOf, rowOfKey, withSupplement } from './helpers';

const workbook = () => recognize(gridOf(FIXTURE)).workbook;

test('the layout has a 年初预算 row per 项 of 公开05表 and a 用途 row per 类', () => {
  const rows = supplementLayout(workbook());
  const keys = rows.map((r) => r.key).filter(Boolean);
  expect(keys.filter((k) => k.startsWith('budget.'))).toEqual(['budget.total', ...['2010350', '2010399', '2080502', '2080505', '2080506', '2089999', '2100799', '2101102', '2101199', '2210201', '2210202', '2210203'].map((c) => `budget.${c}`)]);
  expect(keys.filter((k) => k.startsWith('purpose.'))).toEqual(['purpose.201', 'purpose.208', 'purpose.210', 'purpose.221']);
  expect(rows.find((r) => r.key === 'budget.2210202')!.label).toBe('年初预算：住房保障支出（类）住房改革支出（款）提租补贴（项）');
  // 04 has no 政府性基金 / 国有资本经营 income, so their previous-year rows are not asked for.
  expect(keys).not.toContain('prev.gf_income');
  expect(new Set(keys).size).toBe(keys.length);
});

test('the sample\'s 补充信息 reads cleanly; the tables are recognized exactly as in the fixture', () => {
  const ctx = narrativeContext(gridOf(EXAMPLE));
  expect(ctx.supplement!.entries.get('prev.income_total')!.value!.toString()).toBe('1352.07');
  expect(ctx.supplement!.entries.get('prev.income_total')!.reason).toBe('落实过紧日子要求，压减项目经费支出');
  expect(ctx.supplement!.entries.get('sangong.vehicle_count')!.value!.toString()).toBe('1');
  expect(ctx.supplementFindings).toEqual([]);
  const a = recognize(gridOf(EXAMPLE)).workbook;
  const b = recognize(gridOf(FIXTURE)).workbook;
  expect(Object.keys(a.tables)).toEqual(Object.keys(b.tables));
  expect(amountsOf(a)).toEqual(amountsOf(b));
  expect(amountsOf(a).length).toBeGreaterThan(300);
  expect(gridOf(FIXTURE).sheets.map((s) => s.name)).not.toContain('补充信息');
});

test('checks: missing value → warning with key and cell; text in an amount cell → error; unknown and duplicate keys', () => {
  const g = gridOf(EXAMPLE);
  const prev = rowOfKey(g, 'prev.income_total');
  const goods = rowOfKey(g, 'proc.goods');
  const edited = withSupplement(g, (rows) => {
    rows[prev][2] = undefined;
    rows[goods][2] = { value: '约0.5万元' };
    rows.push([{ value: 'prev.incme_total' }, { value: '拼错的键' }, { value: 1 }]);
    rows.push([{ value: 'proc.works' }, { value: '重复' }, { value: 2 }]);
  });
  const f = narrativeContext(edited).supplementFindings.map((x) => `${x.rule} ${x.severity} ${x.sheet}!${x.cell} ${x.message}`);
  expect(f).toEqual([
    expect.stringMatching(/^narrative\/supplement-not-a-number error 补充信息!C\d+ .*政府采购货物支出.*约0\.5万元/),
    expect.stringMatching(/^narrative\/supplement-key warning 补充信息!A\d+ .*prev\.incme_total/),
    expect.stringMatching(/^narrative\/supplement-key warning 补充信息!A\d+ .*proc\.works.*重复/),
    `narrative/supplement-missing warning 补充信息!C${prev + 1} 补充信息 C${prev + 1}（上年收入总计，键 prev.income_total）未填写，情况说明中这一处将显示为【待补充】，也无法核对。`,
  ]);
});

test('绩效 projects are checked against 公开05表 项目支出', () => {
  const g = gridOf(EXAMPLE);
  const actual = rowOfKey(g, 'perf.p3.actual');
  const count = rowOfKey(g, 'perf.self.count');
  const edited = withSupplement(g, (rows) => {
    rows[actual][2] = { value: 533.61 };
    rows[count][2] = { value: 4 };
  });
  const f = narrativeContext(edited).supplementFindings;
  expect(f.map((x) => `${x.rule} ${x.severity} ${x.cell}`)).toEqual([
    `narrative/supplement-perf warning C${count + 1}`,
    `narrative/supplement-perf error C${rowOfKey(g, 'perf.p1.actual') + 1}`,
  ]);
  expect(f[1].message).toContain('各绩效自评项目执行数之和 592.55 万元，超过公开05表项目支出合计 499.63 万元');
  expect(f[1].related).toContainEqual({ sheet: '公开05表', cell: 'E7' });
});

test('writing the sheet with exceljs: labels prefilled, values empty, text never a formula, other sheets intact', async () => {
  const wbx = new ExcelJS.Workbook();
  await wbx.xlsx.load(readFileSync(FIXTURE) as unknown as ArrayBuffer);
  const keys = writeSupplementSheet(wbx, supplementLayout(workbook()), { 'perf.p1.output': '=SUM(A1:A3) 不是公式' });
  expect(keys).toContain('budget.2210203');
  const bytes = Buffer.from(await wbx.xlsx.writeBuffer());
  const grid = readWorkbookBytes(bytes, 'copy.xlsx');
  const sheet = grid.sheets.find((s) => s.name === '补充信息')!;
  expect(sheet.rows[0]!.map((c) => c?.value)).toEqual(['键', '项目', '数值', '原因/说明']);
  const r = sheet.rows.findIndex((row) => row?.[0]?.value === 'budget.2010350');
  expect(sheet.rows[r]![1]!.value).toBe('年初预算：一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）事业运行（项）');
  expect(sheet.rows[r]![2]).toBeUndefined();
  const o = sheet.rows.find((row) => row?.[0]?.value === 'perf.p1.output')!;
  expect(o[2]!.value).toBe('=SUM(A1:A3) 不是公式');
  const reread = new ExcelJS.Workbook();
  await reread.xlsx.load(bytes as unknown as ArrayBuffer);
  const cell = reread.getWorksheet('补充信息')!.getRow(o === undefined ? 0 : sheet.rows.indexOf(o) + 1).getCell(3);
  expect(cell.type).toBe(ExcelJS.ValueType.String);
  expect(reread.getWorksheet('补充信息')!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  // The tables read back exactly as before.
  expect(amountsOf(recognize(grid).workbook)).toEqual(amountsOf(workbook()));
  // Only blank keys: every needed input is reported missing, nothing else.
  const f = narrativeContext(grid).supplementFindings;
  expect(f.every((x) => x.rule === 'narrative/supplement-missing')).toBe(true);
  expect(f.map((x) => x.message)).toContainEqual(expect.stringContaining('键 budget.2010350'));
});

test('a change from last year without its 主要原因 is reported at the D cell', () => {
  const g = gridOf(EXAMPLE);
  const r = rowOfKey(g, 'sangong.prev_total');
  const edited = withSupplement(g, (rows) => {
    rows[r][3] = undefined;
  });
  const f = narrativeContext(edited).supplementFindings;
  expect(f.map((x) => `${x.rule} ${x.cell}`)).toEqual([`narrative/supplement-missing D${r + 1}`]);
  expect(f[0].message).toContain('键 sangong.prev_total');
});

test('totals in 补充信息 must match their parts', () => {
  const g = gridOf(EXAMPLE);
  const total = rowOfKey(g, 'proc.total');
  const micro = rowOfKey(g, 'proc.small_micro');
  const budget = rowOfKey(g, 'budget.total');
  const edited = withSupplement(g, (rows) => {
    rows[total][2] = { value: 480.73 };
    rows[micro][2] = { value: 480 };
    rows[budget][2] = { value: 1091.06 };
  });
  const f = narrativeContext(edited).supplementFindings.map((x) => `${x.rule} ${x.cell} ${x.expected} ${x.actual}`);
  expect(f).toEqual([
    `narrative/supplement-sum C${budget + 1} 1090.06 1091.06`,
    `narrative/supplement-sum C${total + 1} 479.73 480.73`,
    `narrative/supplement-sum C${micro + 1} ≤ 479.73 480.00`,
  ]);
});
