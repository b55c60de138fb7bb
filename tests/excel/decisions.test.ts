import type { Finding } from '../../src/engine';
import { EMPTY_DECISIONS, findingKey, parseDecisions, planMarks, resetIgnored, setIgnored, setVerified, storedDecisions, storedMarks } from '../../src/excel/decisions';
import { describeError } from '../../src/excel/office-host';

function finding(partial: Partial<Finding>): Finding {
  return {
    rule: 'sum/column-total', severity: 'error', sheet: 'S', cell: 'A1', related: [], expected: null, actual: null,
    difference: null, tolerance: null, unit: null, message: '', table: '04', ...partial,
  };
}

describe('planMarks', () => {
  it('keeps the strongest mark per cell and skips 尾差, ignored and verified findings', () => {
    const fs = [
      finding({ cell: 'A1', related: [{ sheet: 'S', cell: 'B1' }, { sheet: 'T', cell: 'C3' }] }),
      finding({ rule: 'value/x', severity: 'warning', cell: 'B1', related: [{ sheet: 'S', cell: 'A1' }] }),
      finding({ rule: 'sum/rounding', severity: 'info', cell: 'D4' }),
      finding({ rule: 'cross/a', cell: 'E5' }),
      finding({ rule: 'cross/b', cell: 'F6' }),
    ];
    const d = setVerified(setIgnored(EMPTY_DECISIONS, findingKey(fs[3]), true), findingKey(fs[4]), true);
    expect(Object.fromEntries(planMarks(fs, d))).toEqual({ 'S!A1': 'error', 'S!B1': 'warning', 'T!C3': 'related' });
  });
});

describe('decisions', () => {
  it('toggle and reset without duplicates, and read back from the JSON a setting may hold', () => {
    let d = setIgnored(EMPTY_DECISIONS, 'r|S|A1', true);
    d = setIgnored(d, 'r|S|A1', true);
    d = setVerified(d, 'r|S|B2', true);
    expect(d.ignored).toEqual(['r|S|A1']);
    expect(parseDecisions(JSON.stringify(storedDecisions(d)), storedMarks(d))).toEqual({ decisions: d, rejected: [] });
    expect(resetIgnored(d)).toEqual({ ...d, ignored: [] });
    expect(parseDecisions('not json', 'not json').decisions).toEqual(EMPTY_DECISIONS);
    expect(parseDecisions(null, null)).toEqual({ decisions: EMPTY_DECISIONS, rejected: [] });
  });
});

describe('describeError', () => {
  it('says in plain Chinese what went wrong and what to do', () => {
    expect(describeError({ code: 'InvalidOperationInCellEditMode', message: 'x' })).toMatch(/单元格编辑状态/);
    expect(describeError({ code: 'ItemNotFound', message: 'x' })).toMatch(/重新检查/);
    expect(describeError(new Error('boom'))).toBe('操作未能完成：boom。请重试；若仍失败，请保存并重新打开工作簿。');
  });
});
