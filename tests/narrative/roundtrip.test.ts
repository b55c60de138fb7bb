/**
 * The phrasebook's promise, on generated departments (tests/support/generate.ts, every layout): the generated text
 * audits clean with every figure checked; changing any one figure gets that sentence flagged; and a sentence
 * rewritten in another known wording is still checked.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { recognize } from '../../src/engine';
import { auditNarrativeFigures, generateNarrative, NarrativeContext, NarrativeDoc, plainText, supplementLayout, Supplement, SupplementEntry } from '../../src/engine/narrative';
import { projectRows } from '../../src/engine/narrative/supplement';
import { sentences } from '../../src/engine/narrative/text';
import { arbitraryDepartment, buildGrid, LAYOUTS } from '../support/generate';
import { ctxOf, EXAMPLE } from './helpers';

const RUNS = 200;
const layouts = Object.values(LAYOUTS);

/** A 补充信息 whose figures agree with each other (sums, 小微 ≤ 中小), some zero budgets and a zero last year. */
function supplementFor(ctx: Omit<NarrativeContext, 'supplement' | 'supplementFindings'>, seed: number, year: number): Supplement {
  const rows = [...supplementLayout(ctx.workbook, 0), ...projectRows(1), ...projectRows(2)].filter((r) => r.key);
  const rnd = fc.sample(fc.array(fc.integer({ min: 0, max: 900000 }), { minLength: rows.length + 8, maxLength: rows.length + 8 }), { numRuns: 1, seed })[0];
  const zeroPrev = seed % 5 === 0;
  const zeroBudgets = seed % 7 === 0;
  const entries = new Map<string, SupplementEntry>();
  const at = { sheet: '补充信息', cell: 'C1' };
  rows.forEach((r, i) => {
    let value: Decimal | string | null = null;
    const cents = new Decimal(rnd[i]).dividedBy(100);
    if (r.key === 'meta.year') value = new Decimal(year);
    else if (r.key === 'meta.dept') value = '测试部门';
    else if (/^(?:budget\.total|proc\.total|perf\.self\.(?:count|amount))$/.test(r.key)) value = null;
    else if (r.kind === 'text') value = r.key.endsWith('.name') ? `项目${r.key.slice(6, 7)}` : '按规定安排支出';
    else if (r.kind === 'count') value = new Decimal(rnd[i] % 30);
    else if (zeroPrev && /^(?:prev|sangong\.prev|org\.running_prev)/.test(r.key)) value = new Decimal(0);
    else if (zeroBudgets && r.key.startsWith('budget.')) value = new Decimal(0);
    else value = cents;
    entries.set(r.key, { key: r.key, label: r.label, kind: r.kind, value, reason: r.reasonHint ? '工作安排调整' : null, valueRef: at, reasonRef: at });
  });
  // 中小企业 and 小微企业 are parts of the purchases, as in any real 补充信息.
  const sum = ['proc.goods', 'proc.works', 'proc.services'].reduce((a, k) => a.plus(entries.get(k)!.value as Decimal), new Decimal(0));
  const set = (key: string, v: Decimal) => entries.set(key, { ...entries.get(key)!, value: v });
  set('proc.sme', sum.times(rnd[rows.length] % 101).dividedBy(100).toDecimalPlaces(2, Decimal.ROUND_DOWN));
  set('proc.small_micro', (entries.get('proc.sme')!.value as Decimal).times(rnd[rows.length + 1] % 101).dividedBy(100).toDecimalPlaces(2, Decimal.ROUND_DOWN));
  return { sheet: '补充信息', entries, findings: [] };
}

interface Case {
  readonly ctx: NarrativeContext;
  readonly doc: NarrativeDoc;
  readonly fund: boolean;
}

const cases: Case[] = fc.sample(arbitraryDepartment(), { numRuns: RUNS, seed: 20250101 }).map((dept, i) => {
  const grid = buildGrid(dept, layouts[i % layouts.length]);
  const { workbook } = recognize(grid);
  const base = { grid, workbook };
  const supplement = supplementFor(base, i + 1, dept.year);
  const ctx: NarrativeContext = { ...base, supplement, supplementFindings: [] };
  const fund = [dept.fiscal.fund, dept.fiscal.soe].some((k) => k.income > 0n || k.opening > 0n);
  return { ctx, doc: generateNarrative(workbook, supplement, grid), fund };
});

const audit = (ctx: NarrativeContext, text: string) => auditNarrativeFigures(ctx, text.split('\n'), { source: 'generated.txt', unit: 'line' });

test(`${RUNS} generated departments: the text audits clean and every figure is checked`, () => {
  expect(cases.filter((c) => c.fund).length).toBeGreaterThan(10);
  const bad: string[] = [];
  for (const [i, c] of cases.entries()) {
    const text = plainText(c.doc);
    const { findings, figures } = audit(c.ctx, text);
    if (findings.length || figures.checked !== figures.total || c.doc.missing.length) {
      bad.push(`#${i}: ${findings.map((f) => `${f.rule} ${f.message}`).join(' | ')} ${JSON.stringify(figures)} ${c.doc.missing.map((m) => m.key).join(',')}`);
    }
  }
  expect(bad).toEqual([]);
});

/**
 * A figure made wrong beyond any rounding: ten times itself plus one, written the same way. (A change in the last
 * digit may be honest rounding, and a rate on a base of 0.01 万元 may lie anywhere within a factor of three.)
 */
function wrong(written: string): string {
  const decimals = written.split('.')[1]?.length ?? 0;
  const v = new Decimal(written.replace(/,/g, '')).times(10).plus(1).toFixed(decimals);
  return written.includes(',') ? v.replace(/^(\d+)/, (i) => i.replace(/\B(?=(\d{3})+$)/g, ',')) : v;
}

/** Every figure segment of the generated text, made wrong one at a time. */
function mutations(doc: NarrativeDoc): Array<{ text: string; line: number; from: string; to: string }> {
  const out: Array<{ text: string; line: number; from: string; to: string }> = [];
  doc.blocks.forEach((b, line) => {
    b.segments.forEach((seg, k) => {
      if (!('value' in seg) || !/\d/.test(seg.text)) return;
      const to = wrong(seg.text);
      const blocks = doc.blocks.map((x, n) => (n !== line ? x : { ...x, segments: x.segments.map((s, j) => (j === k ? { text: to } : s)) }));
      out.push({ text: plainText({ ...doc, blocks }), line: line + 1, from: seg.text, to });
    });
  });
  return out;
}

test('changing any one figure of a generated text or of the sample\'s text flags its sentence', () => {
  const sample = ctxOf(EXAMPLE);
  const targets = [{ ctx: sample, doc: generateNarrative(sample.workbook, sample.supplement, sample.grid) }, ...cases.slice(0, 6)];
  const missed: string[] = [];
  for (const { ctx, doc } of targets) {
    for (const m of mutations(doc)) {
      const { findings } = audit(ctx, m.text);
      // A sentence is reported at the line where it starts: the sentences starting on the line, or the one running into it.
      const starts = sentences(m.text.split('\n')).map((s) => s.at);
      const before = starts.filter((a) => a < m.line).pop();
      const own = new Set([...starts.filter((a) => a === m.line), ...(before ? [before] : [])]);
      if (!findings.some((f) => own.has(f.line!) && f.severity !== 'info')) missed.push(`line ${m.line}: ${m.from} → ${m.to}`);
    }
  }
  expect(missed).toEqual([]);
});

test('a sentence rewritten in another known wording is still checked', () => {
  const ctx = ctxOf(EXAMPLE);
  const text = plainText(generateNarrative(ctx.workbook, ctx.supplement, ctx.grid));
  // Each pair: the generator's wording → another wording of the phrasebook (and of real reports).
  const rewrites: Array<[string, string]> = [
    ['完成年初预算的92.7%', '完成预算的92.7%'],
    ['较上年减少0.48万元，降低35.3%', '比上年减少0.48万元，下降35.3%'],
    ['政府采购货物支出0.47万元', '货物采购金额0.47万元'],
    ['共有车辆1辆', '共有车辆1辆'],
    ['单位价值100万元以上设备0台（套）', '单价100万元（含）以上设备（不含车辆）0台（套）'],
    ['财政拨款收入1,010.72万元，占本年收入99.997%', '财政拨款收入1,010.72万元，占99.997%'],
  ];
  for (const [from, to] of rewrites) {
    expect(text).toContain(from);
    const rewritten = text.replace(from, to);
    const { findings, figures } = audit(ctx, rewritten);
    expect([from, findings]).toEqual([from, []]);
    expect(figures.checked).toBe(figures.total);
    // …and a wrong figure in the new wording is caught.
    const last = /[0-9][0-9,]*(?:\.[0-9]+)?(?=[^0-9]*$)/.exec(to)![0];
    const broken = rewritten.replace(to, to.replace(new RegExp(`${last.replace('.', '\\.')}(?=[^0-9]*$)`), wrong(last)));
    expect([to, audit(ctx, broken).findings.filter((f) => f.severity !== 'info').length]).not.toEqual([to, 0]);
  }
});
