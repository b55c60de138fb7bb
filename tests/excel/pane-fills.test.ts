import Decimal from 'decimal.js';
import type { Fill } from '../../src/engine/fill';
import { groupByTable, planWrites, shownValue } from '../../src/taskpane/fills';

const base = { previous: null, because: 'sum/column-total', relation: '合计 = 各项之和', note: '', label: '' };
const amount = (sheet: string, cell: string, table: string, value: string, decimals: number): Fill =>
  ({ ...base, kind: 'amount', ref: { sheet, cell }, table, value: new Decimal(value), unit: '万元', decimals, terms: 2, tolerance: new Decimal(0) }) as unknown as Fill;
const name = (sheet: string, cell: string, table: string, text: string): Fill => ({ ...base, kind: 'name', ref: { sheet, cell }, table, text, because: 'code/name' }) as unknown as Fill;

describe('pane fill helpers', () => {
  const fills = [amount('公开03表', 'C7', '03', '1010.72', 2), name('公开03表', 'B9', '03', '一般公共服务支出'), amount('公开01表', 'C5', '01', '12', 0)];

  it('writes amounts as numbers with a format for General cells, names as text without one', () => {
    expect(planWrites(fills)).toEqual([
      { sheet: '公开03表', cell: 'C7', value: 1010.72, numberFormat: '#,##0.00' },
      { sheet: '公开03表', cell: 'B9', value: '一般公共服务支出', numberFormat: undefined },
      { sheet: '公开01表', cell: 'C5', value: 12, numberFormat: '#,##0' },
    ]);
  });

  it('shows values as the tables do and groups by table in plan order', () => {
    expect(fills.map(shownValue)).toEqual(['1,010.72 万元', '“一般公共服务支出”', '12 万元']);
    expect(groupByTable(fills).map(([t, fs]) => [t, fs.length])).toEqual([
      ['03', 2],
      ['01', 1],
    ]);
  });
});
