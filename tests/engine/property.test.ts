/**
 * Property tests over generated departments in five layouts and every template family (tests/support/generate.ts,
 * src/engine/layouts.ts): consistent workbooks give no error and no warning, and a single changed amount that
 * breaks a relation is found at its cell.
 */
import fc from 'fast-check';
import { parseA1, refKey } from '../../src/engine/a1';
import { analyze, collectRelations, evaluate, recognize, ALL_RULES, Amount, Workbook } from '../../src/engine';
import { arbitraryDepartment, arbitraryFamilyLayout, arbitraryLayout, buildGrid } from '../support/generate';

const anyLayout = () => fc.oneof(arbitraryLayout(), arbitraryFamilyLayout());
import { cloneGrid } from '../support/grids';

const RUNS = Number(process.env.JUESUAN_PROPERTY_RUNS ?? 1000);

function allAmounts(wb: Workbook): Amount[] {
  const out: Amount[] = [];
  for (const t of Object.values(wb.tables)) {
    if (!t) continue;
    if (t.kind === 'coded') for (const r of [t.total, ...t.rows]) r?.amounts.forEach((a) => out.push(a));
    if (t.kind === 'lines') t.lines.forEach((l) => l.amounts.forEach((a) => out.push(a)));
    if (t.kind === 'econ') for (const a of [...t.items.map((i) => i.amount), t.personnelTotal, t.publicTotal]) if (a) out.push(a);
    if (t.kind === 'sangong') t.amounts.forEach((a) => out.push(a));
  }
  return out;
}

test(`consistent workbooks give no error and no warning (${RUNS} cases)`, () => {
  fc.assert(
    fc.property(arbitraryDepartment(), anyLayout(), (dept, layout) => {
      const a = analyze(buildGrid(dept, layout));
      expect(a.tables).toHaveLength(9);
      // Amounts stored as text (the `text` layout) are a true warning, and the only one allowed.
      const expectedWarning = (rule: string) => layout.amounts === 'text' && rule === 'value/number-as-text';
      expect(a.findings.filter((f) => f.severity !== 'info' && !expectedWarning(f.rule)).map((f) => `${f.rule} ${f.sheet}!${f.cell} ${f.message}`)).toEqual([]);
    }),
    { numRuns: RUNS },
  );
});

test('a single changed amount that breaks a relation is found, naming the changed cell', () => {
  let checked = 0;
  fc.assert(
    fc.property(
      arbitraryDepartment(),
      anyLayout(),
      fc.nat(),
      fc.integer({ min: 1, max: 99_999 }).chain((n) => fc.constantFrom(n, -n)),
      (dept, layout, pick, cents) => {
        const grid = buildGrid(dept, layout);
        const { workbook } = recognize(grid);
        const amounts = allAmounts(workbook);
        const target = amounts[pick % amounts.length];
        const changed = cloneGrid(grid);
        const { r, c } = parseA1(target.ref.cell);
        const sheet = changed.sheets.find((s) => s.name === target.ref.sheet)!;
        const delta = target.step.times(cents);
        const next = target.value.plus(delta);
        (sheet.rows[r] ??= [])[c] = { value: Number(next.toFixed()) };
        // Only changes that break some relation the tables guarantee must be found.
        const after = recognize(changed);
        const broken = collectRelations(ALL_RULES, after.workbook, after.notes).some(({ rel }) => {
          const terms = rel.kind === 'sum' ? [rel.lhs, ...rel.rhs.map((t) => t.amount)] : rel.kind === 'same' ? [rel.lhs, rel.rhs] : [...rel.lhs.map((t) => t.amount), rel.rhs];
          const mine = terms.find((a) => refKey(a.ref) === refKey(target.ref));
          return mine !== undefined && evaluate(rel, mine).broken;
        });
        fc.pre(broken);
        checked++;
        const errors = analyze(changed).findings.filter((f) => f.severity === 'error');
        const named = errors.filter((f) => f.cell === target.ref.cell && f.sheet === target.ref.sheet || f.related.some((x) => refKey(x) === refKey(target.ref)));
        expect(named.length).toBeGreaterThan(0);
      },
    ),
    { numRuns: 300 },
  );
  expect(checked).toBeGreaterThan(100);
});
