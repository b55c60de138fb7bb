/**
 * 填充: derives every cell the relations determine from the cells a user has entered, and proposes the
 * standard 科目名称 for a code whose name is blank. It never writes: hosts show the list, apply it, and undo it
 * with each fill's `previous` value. A derivation never overwrites a non-empty cell; where a shown figure
 * disagrees with what the entered figures imply, the disagreement is a `fill/conflict` finding.
 */
import Decimal from 'decimal.js';
import { CellRef, compareRefs, parseA1, refKey } from '../a1';
import { collectRelations } from '../check';
import { Finding } from '../finding';
import { CellValue, Grid, GridCell } from '../grid';
import { Amount, codedTable, econTable, TABLE_IDS, TableId, Unit, Workbook } from '../model';
import { formatAmount, fromYuan, toYuan } from '../money';
import { BUNDLED_CATALOGUE, SubjectCatalogue } from '../subjects';
import { recognize } from '../recognize/recognize';
import { Relation, relationTerms } from '../relation';
import { ALL_RULES } from '../rules';
import { amountRoles, Role } from './roles';
import { settle, Unknown } from './settle';
import { Known, Refusal, solve } from './solve';

interface FillBase {
  readonly ref: CellRef;
  readonly table: TableId;
  /** What the cell is: `公开03表 201 一般公共服务支出（本年支出合计）`. */
  readonly label: string;
  /** What the cell held before (null when empty): the value to restore on undo. */
  readonly previous: CellValue;
  /** Rule whose relation determines the cell (`sum/code-hierarchy`), or `code/name` for a name. */
  readonly because: string;
  /** The relation in words. */
  readonly relation: string;
  /** One Chinese sentence for the preview: how the value was obtained and how exact it is. */
  readonly note: string;
}

/** An amount to write, in the table's unit, as a number. */
export interface AmountFill extends FillBase {
  readonly kind: 'amount';
  readonly value: Decimal;
  readonly unit: Unit;
  /** Decimals the table shows (2 for 0.01). */
  readonly decimals: number;
  /** Shown figures the value is computed from. */
  readonly terms: number;
  /**
   * Largest difference from the figure computed in 元 and rounded on its own (the official figure), in the
   * table's unit: the value is the exact sum of rounded figures, so it may differ by this 尾差.
   */
  readonly tolerance: Decimal;
}

/** A standard 科目名称 for a code whose name cell is blank. */
export interface NameFill extends FillBase {
  readonly kind: 'name';
  readonly text: string;
}

export type Fill = AmountFill | NameFill;

export interface FillPlan {
  readonly workbook: Workbook;
  /** In table, sheet, row, column order. */
  readonly fills: ReadonlyArray<Fill>;
  /** Blank cells the relations make 0: left blank (blank means zero); listed so a preview can say so. */
  readonly zeros: ReadonlyArray<AmountFill>;
  /** `fill/conflict`: shown figures that disagree with what the entered figures imply; never overwritten. */
  readonly conflicts: ReadonlyArray<Finding>;
}

function decimalsOf(a: Amount): number {
  return a.step.lessThan(1) ? a.step.decimalPlaces() : 0;
}

function previousValue(grid: Grid, ref: CellRef): CellValue {
  const sheet = grid.sheets.find((s) => s.name === ref.sheet);
  if (!sheet) return null;
  const { r, c } = parseA1(ref.cell);
  return sheet.rows[r]?.[c]?.value ?? null;
}

function amountNote(a: Amount, k: Known, tolerance: Decimal): string {
  const u = a.unit;
  const rel = k.rel!.text;
  if (k.how === 'copy') return `与${k.source!.label}是同一数字，照录（${rel}）。`;
  const tol = formatAmount(tolerance, Math.max(decimalsOf(a), tolerance.decimalPlaces()));
  const basis = k.how === 'sum' ? `按 ${k.terms} 个已列数字相加得出` : `按关系由 ${k.terms} 个已列数字推算得出`;
  if (tolerance.isZero() || k.terms === 0) return `${basis}（${rel}）。`;
  return `${basis}（${rel}）；各数分别四舍五入，与按元精确计算后取整的数字最多可能相差 ${tol} ${u}（尾差）。`;
}

/** Standard names for codes whose name cell is blank (coded tables and 06). */
function nameFills(grid: Grid, wb: Workbook, catalogue: SubjectCatalogue): NameFill[] {
  const out: NameFill[] = [];
  for (const id of ['02', '03', '05', '07', '08'] as const) {
    const t = codedTable(wb, id);
    for (const row of t?.rows ?? []) {
      const name = catalogue.name(row.code!);
      if (row.name || !name || previousValue(grid, row.nameRef) !== null) continue;
      out.push({ kind: 'name', ref: row.nameRef, table: id, label: `公开${id}表 ${row.code} 科目名称`, previous: null, because: 'code/name', relation: `科目编码 ${row.code} 的标准名称`, note: `科目编码 ${row.code} 的名称为空，按政府收支分类科目填写“${name}”。`, text: name });
    }
  }
  for (const item of econTable(wb)?.items ?? []) {
    const name = catalogue.name(item.code);
    if (item.name || !name || previousValue(grid, item.nameRef) !== null) continue;
    out.push({ kind: 'name', ref: item.nameRef, table: '06', label: `公开06表 ${item.code} 科目名称`, previous: null, because: 'code/name', relation: `经济分类科目编码 ${item.code} 的标准名称`, note: `科目编码 ${item.code} 的名称为空，按部门预算支出经济分类科目填写“${name}”。`, text: name });
  }
  return out;
}

function conflictFinding(target: Amount, actual: Decimal, expected: Decimal, boundYuan: Decimal, rel: Relation): Finding {
  const d = decimalsOf(target);
  const u = target.unit;
  const tol = fromYuan(boundYuan, u);
  return {
    rule: 'fill/conflict',
    severity: 'error',
    sheet: target.ref.sheet,
    cell: target.ref.cell,
    related: relationTerms(rel)
      .map((t) => t.amount.ref)
      .filter((ref) => refKey(ref) !== refKey(target.ref)),
    expected: expected.toFixed(d),
    actual: actual.toFixed(d),
    difference: actual.minus(expected).toFixed(d),
    tolerance: tol.toFixed(Math.max(d, tol.decimalPlaces())),
    unit: u,
    message: `${target.label}表中为 ${formatAmount(actual, d)} ${u}，按已填数字推算应为 ${formatAmount(expected, d)} ${u}，相差 ${formatAmount(actual.minus(expected).abs(), d)} ${u}（${rel.text}）。填充不会改写已有数字，请核对。`,
    table: target.table,
  };
}

function refusalFinding(r: Refusal): Finding {
  const d = decimalsOf(r.amount);
  const u = r.amount.unit;
  return {
    rule: 'fill/conflict',
    severity: 'error',
    sheet: r.amount.ref.sheet,
    cell: r.amount.ref.cell,
    related: relationTerms(r.rel)
      .map((t) => t.amount.ref)
      .filter((ref) => refKey(ref) !== refKey(r.amount.ref)),
    expected: r.value.toFixed(d),
    actual: null,
    difference: null,
    tolerance: null,
    unit: u,
    message: `${r.amount.label}按关系推算为 ${formatAmount(r.value, d)} ${u}，金额不能为负，未填写（${r.rel.text}）。关系中的已有数字相互矛盾，请核对。`,
    table: r.amount.table,
  };
}

/**
 * Relations broken once the derived figures are in, judged with the derived figures' own rounding intervals.
 * Each names a shown figure (the filler did not write it, and it is the one that disagrees): the one that takes
 * part in most broken relations and refused derivations, as a wrong cell usually breaks several at once.
 */
function conflicts(
  relations: ReadonlyArray<{ rule: string; rel: Relation }>,
  known: ReadonlyMap<string, Known>,
  refused: ReadonlyArray<Refusal>,
  roles: ReadonlyMap<string, { role: Role }>,
): Array<{ target: Amount; shown: boolean; finding: Finding }> {
  const isTotal = (a: Amount) => roles.get(refKey(a.ref))?.role === 'derived';
  const broken: Array<{ rel: Relation; residual: Decimal; bound: Decimal }> = [];
  for (const { rel } of relations) {
    if (rel.kind === 'le') continue;
    const ks = relationTerms(rel).map((t) => known.get(refKey(t.amount.ref)));
    // Relations among entered figures only are the checker's business; a shown total is the filler's too,
    // since what is derived from it would carry its error.
    if (ks.some((k) => !k) || !ks.some((k, i) => k!.derived || isTotal(relationTerms(rel)[i].amount))) continue;
    let residual = new Decimal(0);
    let bound = new Decimal(0);
    relationTerms(rel).forEach((t, i) => {
      residual = residual.plus(toYuan(ks[i]!.value, t.amount.unit).times(t.coef));
      bound = bound.plus(ks[i]!.half);
    });
    if (residual.abs().greaterThan(bound)) broken.push({ rel, residual, bound });
  }
  const involved = new Map<string, number>();
  for (const { rel } of [...broken, ...refused]) for (const t of relationTerms(rel)) involved.set(refKey(t.amount.ref), (involved.get(refKey(t.amount.ref)) ?? 0) + 1);
  const count = (t: { amount: Amount }) => involved.get(refKey(t.amount.ref)) ?? 0;
  return broken.map(({ rel, residual, bound }) => {
    const terms = relationTerms(rel);
    const shown = terms.filter((t) => !known.get(refKey(t.amount.ref))!.derived);
    // A shown total before an entered figure: entered figures are what the fill trusts.
    const suspects = shown.some((t) => isTotal(t.amount)) ? shown.filter((t) => isTotal(t.amount)) : shown;
    const pick = suspects.reduce((best, t) => (count(t) > count(best) ? t : best), suspects[0] ?? terms[0]);
    const actual = known.get(refKey(pick.amount.ref))!.value;
    const expected = actual.minus(fromYuan(residual.times(pick.coef), pick.amount.unit));
    return { target: pick.amount, shown: shown.length > 0, finding: conflictFinding(pick.amount, actual, expected, bound, rel) };
  });
}

/** Rounds of re-solving with distrusted totals; each round distrusts at least one more cell. */
const MAX_ROUNDS = 4;

/**
 * Plans the fill of a workbook: what to write where, and what disagrees. Never throws on bad input.
 *
 * A shown total that disagrees with the entered figures must not spread its error through copies (a wrong
 * 03 类 total copied into 01): such a total is distrusted and the workbook solved again as if it were blank,
 * so every other cell comes from the entered figures and the total itself is reported, never overwritten.
 */
/** `catalogue`: where blank 科目名称 are proposed from (the bundled one unless the host has the user's). */
export function planFill(grid: Grid, catalogue: SubjectCatalogue = BUNDLED_CATALOGUE): FillPlan {
  const { workbook, notes } = recognize(grid);
  const relations = collectRelations(ALL_RULES, workbook, notes);
  const roles = amountRoles(workbook);

  const distrusted = new Set<string>();
  const firstFinding = new Map<string, Finding>();
  let solution = solve(relations, roles, distrusted);
  let broken = conflicts(relations, solution.known, solution.refused, roles);
  for (let round = 1; round < MAX_ROUNDS; round++) {
    const fresh = broken.filter((b) => b.shown && roles.get(refKey(b.target.ref))?.role === 'derived' && !distrusted.has(refKey(b.target.ref)));
    if (!fresh.length) break;
    for (const b of fresh) {
      distrusted.add(refKey(b.target.ref));
      if (!firstFinding.has(refKey(b.target.ref))) firstFinding.set(refKey(b.target.ref), b.finding);
    }
    solution = solve(relations, roles, distrusted);
    broken = conflicts(relations, solution.known, solution.refused, roles);
  }
  const { known, refused } = solution;

  const amounts = new Map<string, Amount>();
  for (const { amount } of roles.values()) amounts.set(refKey(amount.ref), amount);
  for (const { rel } of relations) for (const t of relationTerms(rel)) amounts.set(refKey(t.amount.ref), t.amount);

  // What each written figure's own derivation gives, and the 尾差 stated for it against the official figure.
  const unknowns = new Map<string, Unknown>();
  for (const [key, k] of known) {
    const a = amounts.get(key)!;
    if (!k.derived || !a.blank) continue;
    const tolerance = fromYuan(k.half.plus(toYuan(a.step, a.unit).dividedBy(2)), a.unit);
    unknowns.set(key, { amount: a, primary: k.value, tolerance, entered: roles.get(key)?.role === 'input' });
  }
  // Over-determined figures: moved within their 尾差 so that every relation over them holds, as the published
  // figures do. Not when entered figures disagree: those are reported, and nothing is moved to hide them.
  const consistent = !distrusted.size && !broken.length && !refused.length;
  const settled = consistent ? settle(relations, unknowns) : new Map<string, Decimal>();

  const fills: Fill[] = [];
  const zeros: AmountFill[] = [];
  for (const [key, u] of unknowns) {
    const k = known.get(key)!;
    const a = u.amount;
    const value = settled.get(key) ?? u.primary;
    const shift = value.minus(u.primary).abs();
    // Moved off its own derivation: the official figure is within the stated 尾差 of the derivation, so within
    // that plus the move of the value written.
    const tolerance = u.tolerance.plus(shift);
    const decimals = decimalsOf(a);
    let note = amountNote(a, k, u.tolerance);
    if (!shift.isZero()) {
      note += `为使该数字所在的其他关系也在尾差范围内成立，由推算值 ${formatAmount(u.primary, decimals)} ${a.unit} 调整为 ${formatAmount(value, decimals)} ${a.unit}（仍在尾差范围内），与官方数字最多可能相差 ${formatAmount(tolerance, Math.max(decimals, tolerance.decimalPlaces()))} ${a.unit}。`;
    }
    const fill: AmountFill = { kind: 'amount', ref: a.ref, table: a.table, label: a.label, previous: previousValue(grid, a.ref), because: k.rule!, relation: k.rel!.text, note, value, unit: a.unit, decimals, terms: k.terms, tolerance };
    // A derived 0 leaves the cell blank: blank means zero.
    (value.isZero() ? zeros : fills).push(fill);
  }
  fills.push(...nameFills(grid, workbook, catalogue));

  // A relation among derived figures only breaks downstream of a shown figure that disagrees, which is
  // reported itself; it is listed only when nothing else explains it.
  const onShown = broken.filter((b) => b.shown);
  const found = [...(onShown.length || distrusted.size ? onShown : broken).map((b) => b.finding), ...refused.map(refusalFinding)];
  // Each distrusted total against what the entered figures give for it.
  for (const key of distrusted) {
    const a = amounts.get(key)!;
    const k = known.get(key);
    if (!k) {
      found.push(firstFinding.get(key)!);
      continue;
    }
    const bound = k.half.plus(a.exactZero ? 0 : toYuan(a.step, a.unit).dividedBy(2));
    if (toYuan(a.value.minus(k.value), a.unit).abs().greaterThan(bound)) found.push(conflictFinding(a, a.value, k.value, bound, k.rel!));
  }

  const sheetIndex = (s: string) => workbook.sheetOrder.indexOf(s);
  const place = (ta: string, ra: CellRef, tb: string, rb: CellRef) => TABLE_IDS.indexOf(ta as TableId) - TABLE_IDS.indexOf(tb as TableId) || compareRefs(ra, rb, sheetIndex);
  fills.sort((a, b) => place(a.table, a.ref, b.table, b.ref));
  zeros.sort((a, b) => place(a.table, a.ref, b.table, b.ref));
  found.sort((a, b) => place(a.table, a, b.table, b));
  return { workbook, fills, zeros, conflicts: found };
}

/** The value a host writes into the cell: a number for an amount (never a formula or text), text for a name. */
export function fillCellValue(fill: Fill): number | string {
  return fill.kind === 'amount' ? fill.value.toNumber() : fill.text;
}

/** The grid with the fills written (for re-checking a preview, and for tests); the input grid is not changed. */
export function applyFills(grid: Grid, fills: ReadonlyArray<Fill>): Grid {
  const bySheet = new Map<string, Fill[]>();
  for (const f of fills) bySheet.set(f.ref.sheet, [...(bySheet.get(f.ref.sheet) ?? []), f]);
  return {
    sheets: grid.sheets.map((s) => {
      const todo = bySheet.get(s.name);
      if (!todo) return s;
      const rows = s.rows.map((row) => (row ? [...row] : row));
      for (const f of todo) {
        const { r, c } = parseA1(f.ref.cell);
        while (rows.length <= r) rows.push(undefined);
        const row = (rows[r] ?? []) as Array<GridCell | undefined>;
        row[c] = { value: fillCellValue(f) };
        rows[r] = row;
      }
      return { ...s, rows };
    }),
  };
}
