import { CellRef, parseA1, refKey } from './a1';
import { Finding, Severity } from './finding';
import { Amount, TABLE_IDS, Workbook } from './model';
import { fixedDecimalPlaces, fixedText, groupThousands, liDecimals, stepDecimals } from './money';
import { RecognitionNote } from './recognize/notes';
import { evaluate, liSums, Relation, relationStatus, relationTerms, StatedRelation } from './relation';
import { RelationOptions, ReportInput, Rule } from './rule';
import { BUNDLED_CATALOGUE, CodeCoverage, codeCoverage, SubjectCatalogue } from './subjects';

/** A relation that is broken or holds only up to 尾差: it becomes a finding. */
interface FlaggedRelation {
  readonly rule: Rule;
  readonly rel: Relation;
  readonly options: RelationOptions;
  readonly status: { broken: boolean; rounding: boolean };
}

function decimalsOf(a: Amount): number {
  return a.step.lessThan(1) ? stepDecimals(a.step) : 0;
}

/** A relation's figures from the target's point of view, as plain text in its unit (`-1010.72`). */
interface Figures {
  readonly broken: boolean;
  readonly expected: string;
  readonly actual: string;
  readonly difference: string;
  readonly tolerance: string;
}

/**
 * The figures of a flagged relation: from the integer 厘 sums when every amount has them (the usual case),
 * else from `evaluate` in Decimal. Both give the texts `Decimal#toFixed` gives.
 */
function figures(rel: Relation, terms: ReadonlyArray<{ amount: Amount; coef: 1 | -1 }>, target: Amount, d: number): Figures {
  const sums = liSums(rel);
  if (!sums || target.li === null) {
    const e = evaluate(rel, target);
    return {
      broken: e.broken,
      expected: e.expected.toFixed(d),
      actual: e.actual.toFixed(d),
      difference: e.difference.toFixed(d),
      tolerance: e.tolerance.toFixed(Math.max(d, e.tolerance.decimalPlaces())),
    };
  }
  // As in `evaluate`: solving Σ coef·x = 0 for the target moves it by residual / coef. Exact in doubles: every
  // figure is bounded by the sum of magnitudes liSums has checked.
  const residual = sums.residual * terms.find((x) => x.amount === target)!.coef;
  const broken = rel.kind === 'le' ? sums.residual > sums.bound : Math.abs(sums.residual) > sums.bound;
  const tolerance = sums.bound;
  const k = liDecimals(target.unit);
  return {
    broken,
    expected: fixedText(target.li - residual, k, d),
    actual: fixedText(target.li, k, d),
    difference: fixedText(residual, k, d),
    tolerance: fixedText(tolerance, k, Math.max(d, fixedDecimalPlaces(tolerance, k))),
  };
}

function relationMessage(rel: Relation, target: Amount, f: Figures): string {
  const u = target.unit;
  const exp = groupThousands(f.expected);
  const act = groupThousands(f.actual);
  const diff = groupThousands(f.difference.replace(/^-/, ''));
  const tol = groupThousands(f.tolerance);
  if (!f.broken && rel.kind === 'same') {
    const other = rel.lhs === target ? rel.rhs : rel.lhs;
    return `${target.label}为 ${act} ${u}，${other.label}为 ${exp} ${u}，两处是同一数字，相差 ${diff} ${u}，未超过两处分别四舍五入可能造成的差异 ${tol} ${u}（${rel.text}）。公开的同一数字应一致：请确定一个数值，两处都填这个数。`;
  }
  if (!f.broken) {
    return `${target.label}为 ${act} ${u}，按关系推算为 ${exp} ${u}，相差 ${diff} ${u}，在尾差允许范围 ${tol} ${u}以内（${rel.text}），属各数分别四舍五入造成的尾差，无需修改。`;
  }
  if (rel.kind === 'same') {
    const other = rel.lhs === target ? rel.rhs : rel.lhs;
    return `${target.label}为 ${act} ${u}，${other.label}为 ${exp} ${u}，两处是同一数字，应完全一致，相差 ${diff} ${u}，超出两处分别四舍五入可能造成的差异 ${tol} ${u}（${rel.text}）。请核对后改为同一数值。`;
  }
  if (rel.kind === 'le') {
    const isWhole = rel.rhs === target;
    return isWhole
      ? `${target.label}为 ${act} ${u}，不应小于其组成部分 ${exp} ${u}，少 ${diff} ${u}，超出尾差允许范围 ${tol} ${u}（${rel.text}）。请核对。`
      : `${target.label}为 ${act} ${u}，超过了其上限 ${exp} ${u}，多 ${diff} ${u}，超出尾差允许范围 ${tol} ${u}（${rel.text}）。请核对。`;
  }
  return `${target.label}应为 ${exp} ${u}，表中为 ${act} ${u}，相差 ${diff} ${u}，超出尾差允许范围 ${tol} ${u}（${rel.text}）。请核对该单元格及关系中的其他单元格。`;
}

/** Every relation the rules state over a workbook (for the filler, which reads them the other way). */
export function collectRelations(rules: ReadonlyArray<Rule>, workbook: Workbook, notes: ReadonlyArray<RecognitionNote>, catalogue: SubjectCatalogue = BUNDLED_CATALOGUE): Array<{ rule: string; rel: Relation }> {
  const out: Array<{ rule: string; rel: Relation }> = [];
  for (const rule of rules) {
    try {
      rule.check({ workbook, notes, catalogue, relation: (rel) => rel.kind !== 'skipped' && out.push({ rule: rule.id, rel }), report: () => undefined });
    } catch {
      // A rule that fails here also fails in runRules, which reports it.
    }
  }
  return out;
}

const NO_OPTIONS: RelationOptions = {};

/** How many of the relations the recognized layout allows were checked, and which could not be. */
export interface Coverage {
  readonly checked: number;
  readonly allowed: number;
  readonly skipped: ReadonlyArray<{ readonly rule: string; readonly text: string }>;
  /** 科目编码 checked against the catalogue, and those it does not hold. */
  readonly codes: CodeCoverage;
}

/** Runs every rule over a recognized workbook; findings are collected, never thrown, and sorted stably. */
export function runRules(rules: ReadonlyArray<Rule>, workbook: Workbook, notes: ReadonlyArray<RecognitionNote>, catalogue: SubjectCatalogue = BUNDLED_CATALOGUE): Finding[] {
  return checkWorkbook(rules, workbook, notes, catalogue).findings;
}

/** `runRules`, with the count of relations checked and the list of those skipped. */
export function checkWorkbook(
  rules: ReadonlyArray<Rule>,
  workbook: Workbook,
  notes: ReadonlyArray<RecognitionNote>,
  catalogue: SubjectCatalogue = BUNDLED_CATALOGUE,
): { findings: Finding[]; coverage: Coverage } {
  const findings: Finding[] = [];
  const flagged: FlaggedRelation[] = [];
  const skippedRelations: Array<{ rule: string; text: string }> = [];
  let checked = 0;
  for (const rule of rules) {
    const ctx = {
      workbook,
      notes,
      catalogue,
      relation(rel: StatedRelation, options: RelationOptions = NO_OPTIONS) {
        if (rel.kind === 'skipped') {
          skippedRelations.push({ rule: rule.id, text: rel.text });
          return;
        }
        checked++;
        // Most relations hold exactly: decided at once, only the others are kept.
        const status = relationStatus(rel);
        if (status.broken || status.rounding) flagged.push({ rule, rel, options, status });
      },
      report(input: ReportInput) {
        findings.push(plainFinding(rule, input));
      },
    };
    try {
      rule.check(ctx);
    } catch (err) {
      findings.push(
        plainFinding(rule, {
          table: '--',
          at: { sheet: workbook.sheetOrder[0] ?? '', cell: 'A1' },
          severity: 'warning',
          message: `规则 ${rule.id} 未能完成检查（${(err as Error).message}），其余规则不受影响。`,
        }),
      );
    }
  }
  findings.push(...relationFindings(flagged));
  return { findings: sortFindings(findings, workbook.sheetOrder), coverage: { checked, allowed: checked + skippedRelations.length, skipped: skippedRelations, codes: codeCoverage(workbook, catalogue) } };
}

function plainFinding(rule: Rule, input: ReportInput): Finding {
  return {
    rule: rule.id,
    severity: input.severity ?? rule.severity,
    sheet: input.at.sheet,
    cell: input.at.cell,
    related: input.related ?? [],
    expected: input.expected ?? null,
    actual: input.actual ?? null,
    difference: input.difference ?? null,
    tolerance: input.tolerance ?? null,
    unit: input.unit ?? null,
    message: input.message,
    table: input.table,
  };
}

/**
 * Turns flagged relations into findings. A wrong cell usually breaks several relations at once; when one cell
 * of a broken relation takes part in more broken relations than the default target, it is named as the cell
 * to look at (the others stay in `related`).
 */
function relationFindings(flagged: ReadonlyArray<FlaggedRelation>): Finding[] {
  const brokenCount = new Map<string, number>();
  for (const r of flagged) {
    if (!r.status.broken) continue;
    for (const { amount } of relationTerms(r.rel)) brokenCount.set(refKey(amount.ref), (brokenCount.get(refKey(amount.ref)) ?? 0) + 1);
  }
  const count = (a: Amount) => brokenCount.get(refKey(a.ref)) ?? 0;
  const out: Finding[] = [];
  for (const r of flagged) {
    const terms = relationTerms(r.rel);
    let target = r.options.target ?? terms[0].amount;
    if (r.status.broken) {
      const amounts = terms.map((t) => t.amount);
      const best = Math.max(...amounts.map(count));
      const tops = amounts.filter((a) => count(a) === best);
      if (best >= 2 && count(target) < best && tops.length === 1) target = tops[0];
    }
    const f = figures(r.rel, terms, target, decimalsOf(target));
    // A copy that differs within rounding still needs one value chosen: a warning; a sum's 尾差 needs nothing.
    const severity: Severity = f.broken ? r.options.severity ?? r.rule.severity : r.rel.kind === 'same' ? 'warning' : 'info';
    const related: CellRef[] = [];
    for (const t of terms) if (t.amount !== target) related.push(t.amount.ref);
    out.push({
      rule: r.rule.id,
      severity,
      sheet: target.ref.sheet,
      cell: target.ref.cell,
      related,
      expected: f.expected,
      actual: f.actual,
      difference: f.difference,
      tolerance: f.tolerance,
      unit: target.unit,
      message: relationMessage(r.rel, target, f),
      table: target.table,
    });
  }
  return out;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function sortFindings(findings: Finding[], sheetOrder: ReadonlyArray<string>): Finding[] {
  const tableIndex = (t: string) => (t === '--' ? -1 : (TABLE_IDS as readonly string[]).indexOf(t));
  const sheetIndex = (s: string) => {
    const i = sheetOrder.indexOf(s);
    return i < 0 ? sheetOrder.length : i;
  };
  return findings
    .map((f, i) => ({ f, i, at: parseA1(f.cell), sheet: sheetIndex(f.sheet), table: tableIndex(f.table) }))
    .sort(
      (a, b) =>
        a.table - b.table ||
        a.sheet - b.sheet ||
        a.at.r - b.at.r ||
        a.at.c - b.at.c ||
        a.f.rule.localeCompare(b.f.rule) ||
        SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] ||
        a.f.message.localeCompare(b.f.message) ||
        a.i - b.i,
    )
    .map((x) => x.f);
}
