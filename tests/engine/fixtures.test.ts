import { analyze, Finding } from '../../src/engine';
import { fixtureGrid } from '../support/grids';

const brief = (f: Finding) => `${f.rule} ${f.sheet}!${f.cell}`;
const errors = (name: string) => analyze(fixtureGrid(name)).findings.filter((f) => f.severity === 'error');

describe('the seed report in three layouts', () => {
  test('one sheet per table, 万元: the 公开04表 总计 mistake and nothing else', () => {
    const found = errors('hongshan-2024.xlsx');
    expect(found.map(brief)).toEqual(['sum/04-balance 公开04表!G38', 'sum/04-composition 公开04表!G38', 'sum/04-row-total 公开04表!G38']);
    const balance = found[0];
    expect(balance).toMatchObject({ expected: '1010.72', actual: '1010.70', difference: '-0.02', tolerance: '0.01', unit: '万元' });
    expect(balance.related).toEqual([
      { sheet: '公开04表', cell: 'C7' },
      { sheet: '公开04表', cell: 'C35' },
    ]);
    expect(balance.message).toBe(
      '公开04表 支出总计（一般公共预算财政拨款）应为 1,010.72 万元，表中为 1,010.70 万元，相差 0.02 万元，超出尾差允许范围 0.01 万元（支出总计（一般公共预算财政拨款）= 本年一般公共预算财政拨款收入 + 年初一般公共预算财政拨款结转和结余）。请核对该单元格及关系中的其他单元格。',
    );
    // The row total names the wrong part, not the total that is right.
    expect(found[2].related).toEqual([
      { sheet: '公开04表', cell: 'F38' },
      { sheet: '公开04表', cell: 'H38' },
      { sheet: '公开04表', cell: 'I38' },
    ]);
  });

  test('元 with split 类/款/项 columns starting at B3: the same mistake, in 元', () => {
    const found = errors('hongshan-2024-yuan-split.xlsx');
    expect(found.map(brief)).toEqual([
      'sum/04-balance 财政拨款收入支出决算总表!H40',
      'sum/04-composition 财政拨款收入支出决算总表!H40',
      'sum/04-row-total 财政拨款收入支出决算总表!H40',
    ]);
    expect(found[0]).toMatchObject({ expected: '10107200', actual: '10107000', difference: '-200', tolerance: '100', unit: '元' });
  });

  test('all tables stacked on one sheet with text amounts: the same mistake', () => {
    const found = errors('hongshan-2024-one-sheet.xlsx');
    expect(found.map(brief)).toEqual(['sum/04-balance 决算公开表!G145', 'sum/04-composition 决算公开表!G145', 'sum/04-row-total 决算公开表!G145']);
  });

  test('the 公用经费 尾差 (48.17 shown, parts sum to 48.18) is information, in every layout', () => {
    for (const [name, cell] of [
      ['hongshan-2024.xlsx', '公开06表!F6'],
      ['hongshan-2024-one-sheet.xlsx', '决算公开表!F186'],
      ['hongshan-2024-yuan-split.xlsx', '一般公共预算财政拨款基本支出决算明细表!G8'],
    ]) {
      const info = analyze(fixtureGrid(name)).findings.filter((f) => f.rule === 'sum/06-class');
      expect(info.map((f) => `${f.severity} ${f.sheet}!${f.cell}`)).toEqual([`info ${cell}`]);
    }
    const f = analyze(fixtureGrid('hongshan-2024.xlsx')).findings.find((x) => x.rule === 'sum/06-class')!;
    expect(f).toMatchObject({ expected: '48.18', actual: '48.17', difference: '-0.01', tolerance: '0.075' });
  });

  test('text amounts are read as numbers and reported as warnings only', () => {
    const a = analyze(fixtureGrid('hongshan-2024-one-sheet.xlsx'));
    const asText = a.findings.filter((f) => f.rule === 'value/number-as-text');
    expect(asText.length).toBeGreaterThan(40);
    expect(asText.every((f) => f.severity === 'warning')).toBe(true);
    expect(a.findings.filter((f) => f.severity === 'warning' && f.rule !== 'value/number-as-text')).toEqual([]);
  });

  test('tables are found with their sheet and range in every layout', () => {
    expect(analyze(fixtureGrid('hongshan-2024.xlsx')).tables.map((t) => `${t.id} ${t.sheet}!${t.range}`)).toEqual([
      '01 公开01表!A1:F36',
      '02 公开02表!A1:I30',
      '03 公开03表!A1:H30',
      '04 公开04表!A1:I38',
      '05 公开05表!A1:E29',
      '06 公开06表!A1:I34',
      '07 公开07表!A1:H8',
      '08 公开08表!A1:E8',
      '09 公开09表!A1:L8',
    ]);
    for (const name of ['hongshan-2024-one-sheet.xlsx', 'hongshan-2024-yuan-split.xlsx']) {
      expect(analyze(fixtureGrid(name)).tables.map((t) => t.id)).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09']);
    }
  });

  test('two runs give the same list in the same order', () => {
    const g = fixtureGrid('hongshan-2024-one-sheet.xlsx');
    expect(analyze(g).findings).toEqual(analyze(g).findings);
  });
});
