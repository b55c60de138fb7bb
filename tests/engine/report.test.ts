/** Findings grouped by cell and as the rows of the 检查结果 table, on the sample workbook. */
import path from 'node:path';
import { analyze } from '../../src/engine';
import { readWorkbookFile } from '../../src/io/read';
import { countGroups, groupByCell } from '../../src/engine/report/group';
import { figureText, findingsTable, sheetReference } from '../../src/engine/report/findings-table';

test('one wrong cell breaking three relations is one group, counted once', async () => {
  const { findings } = analyze(await readWorkbookFile(path.join(__dirname, '../../examples/hongshan-2024.xlsx')));
  const groups = groupByCell(findings);
  expect(groups.map((g) => [g.key, g.severity, g.findings.map((f) => f.rule)])).toEqual([
    ['公开04表!G38', 'error', ['sum/04-balance', 'sum/04-composition', 'sum/04-row-total']],
    ['公开06表!F6', 'info', ['sum/06-class']],
  ]);
  expect(countGroups(groups)).toEqual({ error: 1, warning: 0, info: 1 });

  const table = findingsTable(findings);
  expect(table.rows).toHaveLength(4);
  expect(table.severities).toEqual(['error', 'error', 'error', 'info']);
  expect(table.rows[0].slice(6, 9)).toEqual([
    { kind: 'number', value: 1010.72, format: '#,##0.00' },
    { kind: 'number', value: 1010.7, format: '#,##0.00' },
    { kind: 'number', value: 0.02, format: '#,##0.00' },
  ]);
});

test('a group takes its strongest severity, and figures read as the message writes them', () => {
  const f = (rule: string, severity: 'error' | 'warning' | 'info', cell: string) => ({ rule, severity, sheet: 'S', cell, related: [], expected: null, actual: null, difference: null, tolerance: null, unit: null, message: '', table: '01' });
  const groups = groupByCell([f('a', 'info', 'B2'), f('b', 'warning', 'A1'), f('c', 'error', 'B2')]);
  expect(groups.map((g) => [g.cell, g.severity])).toEqual([['B2', 'error'], ['A1', 'warning']]);
  expect(findingsTable([f('c', 'error', 'B2'), f('b', 'warning', 'A1'), f('a', 'info', 'B2')]).rows.map((r) => r[2])).toEqual([
    { kind: 'link', link: { sheet: 'S', cell: 'B2', text: 'B2' } },
    { kind: 'link', link: { sheet: 'S', cell: 'B2', text: 'B2' } },
    { kind: 'link', link: { sheet: 'S', cell: 'A1', text: 'A1' } },
  ]);
  expect(figureText('-1010.72')).toBe('-1,010.72');
  expect(figureText('-1234567.5', true)).toBe('1,234,567.5');
  expect(sheetReference("O'Brien", 'A1')).toBe("'O''Brien'!A1");
});
