/**
 * narrative/sum — the text's own totals and their listed parts (narrative.md §5): a part larger than its whole, and
 * parts that do not add up to the stated total, rounding-aware (|w − Σ| ≤ 0.005 × (non-zero parts + 1)). The
 * auditor checks 十一 政府采购 and 五（三） 年初预算 itself; this module reads the other lists of the templates.
 */
import Decimal from 'decimal.js';
import { amountText } from '../../narrative/format';
import type { Sentence, SectionKind } from '../../narrative/text';
import { defineTextRule, H, halfOf, StatedFigure, statedFigures, TextHit } from './define';

export const TEXT_SUM = defineTextRule({
  check: (ctx) => checkTextSums(ctx.sentences),
  cases: {
    valid: [['三、支出决算情况说明', '本年支出合计2940.05万元，其中：基本支出2336.91万元，占79.49%；项目支出603.14万元，占20.51%。']],
    invalid: [
      ['三、支出决算情况说明', '本年支出合计2940.05万元，其中：基本支出2336.91万元，占79.49%；项目支出613.14万元，占20.51%。'],
      ['六、一般公共预算财政拨款基本支出决算情况说明', '一般公共预算财政拨款基本支出100.00万元，其中：人员经费120.00万元。'],
    ],
  },
  id: 'narrative/sum',
  severity: 'error',
  title: '分项之和与合计不符',
  why: '文中列出的分项（如政府采购货物、工程、服务）之和应等于文中的合计，分项不能大于合计。',
});

/** Which 预算 figures a sentence states: of a 项, of something else (the lead), of 公务用车购置及运行费. */
interface Budgets {
  readonly item: boolean;
  readonly other: boolean;
  readonly vehicle: boolean;
}

function budgetsOf(figs: ReadonlyArray<StatedFigure>): Budgets {
  const labels = figs.filter((f) => f.kind === 'budget').map((f) => f.label);
  return {
    item: labels.some((l) => l.includes('（项）')),
    other: labels.some((l) => !l.includes('（项）')),
    vehicle: labels.some((l) => /^公务用车购置及运行(?:维护)?费/.test(l)),
  };
}

/** Whether a figure is the composition's whole or part, given the 预算 figures of its sentence. */
type Pick = (f: StatedFigure, budgets: Budgets) => boolean;

interface Composition {
  readonly kind: SectionKind;
  /** The （一）（二）… subsection, when the list lives in one. */
  readonly sub?: number;
  readonly whole: Pick;
  readonly part: Pick;
  readonly what: string;
  /** The whole's name when its own words are only "支出决算". */
  readonly name?: string;
}

const named = (re: RegExp): Pick => (f) => f.kind === 'plain' && re.test(f.label);
/** The 支出决算 of a 五（三） sentence whose 年初预算 belongs to a 项 (`item`) or to the lead (`!item`). */
const itemActual = (item: boolean): Pick => (f, b) => f.label === '支出决算' && (item ? b.item : b.other);

const COMPOSITIONS: ReadonlyArray<Composition> = [
  { kind: 'income', whole: named(/^(?:本年)?收入合计$/), part: named(/^(?:财政拨款收入|上级补助收入|事业收入|经营收入|附属单位上缴收入|其他收入)$/), what: '各项收入' },
  { kind: 'expense', whole: named(/^(?:本年)?支出合计$/), part: named(/^(?:基本支出|项目支出|上缴上级支出|经营支出|对附属单位补助支出)$/), what: '各项支出' },
  { kind: 'gpb', sub: 2, whole: named(/^一般公共预算财政拨款支出$/), part: named(/类支出$/), what: '各类支出' },
  { kind: 'gpb', sub: 3, whole: itemActual(false), part: itemActual(true), what: '各项支出决算', name: '一般公共预算财政拨款支出决算' },
  { kind: 'basic', whole: named(/基本支出$/), part: named(/^(?:人员经费|公用经费)$/), what: '人员经费与公用经费' },
  {
    kind: 'sangong',
    sub: 2,
    whole: (f, b) => f.label === '支出决算' && b.vehicle,
    part: named(/^公务用车(?:购置费|运行(?:维护)?费)支出$/),
    what: '公务用车购置费与运行费',
    name: '公务用车购置及运行费支出决算',
  },
];

const amount = (v: Decimal) => v.toFixed(2);

function compose(c: Composition, block: ReadonlyArray<Sentence>, out: TextHit[]): void {
  let whole: { f: StatedFigure; s: Sentence } | null = null;
  const parts: Array<{ f: StatedFigure; s: Sentence }> = [];
  for (const s of block) {
    const figs = statedFigures(s.text);
    const budgets = budgetsOf(figs);
    for (const f of figs) {
      if (!whole && c.whole(f, budgets)) whole = { f, s };
      else if (c.part(f, budgets)) parts.push({ f, s });
    }
  }
  if (!whole || !parts.length) return;
  const w = whole.f.value;
  const name = c.name ?? whole.f.label;
  const big = parts.find((p) => p.f.value.minus(halfOf(p.f.value)).gt(w.plus(halfOf(w))));
  if (big) {
    out.push({
      rule: TEXT_SUM,
      sentence: big.s,
      ref: whole.s,
      message: `${big.f.label} ${big.f.written} 万元大于{ref}的${name} ${whole.f.written} 万元，分项不能大于合计；请核对这两个数。`,
      expected: `≤ ${amount(w)}`,
      actual: amount(big.f.value),
    });
    return;
  }
  const sum = parts.reduce((a, p) => a.plus(p.f.value), new Decimal(0));
  const tol = H.times(parts.filter((p) => !p.f.value.isZero()).length + 1);
  if (sum.minus(w).abs().lte(tol)) return;
  out.push({
    rule: TEXT_SUM,
    sentence: whole.s,
    message: `${name}写为 ${whole.f.written} 万元，但文中${c.what}之和为 ${amountText(sum)} 万元（${parts.map((p) => `${p.f.label} ${p.f.written}`).join(' + ')}），相差 ${amountText(w.minus(sum).abs())} 万元；请核对合计和分项。`,
    expected: amount(sum),
    actual: amount(w),
    difference: amount(w.minus(sum)),
    tolerance: tol.toString(),
  });
}

export function checkTextSums(sentences: ReadonlyArray<Sentence>): TextHit[] {
  const out: TextHit[] = [];
  for (const c of COMPOSITIONS) {
    const block = sentences.filter((s) => s.kind === c.kind && (c.sub === undefined || s.sub === c.sub));
    compose(c, block, out);
  }
  return out;
}
