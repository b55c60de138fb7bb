/** Reading a narrative text: normalisation (narrative.md §1), the parts to audit, headings and sentences. */
import Decimal from 'decimal.js';

/** An amount in 元 ("10,117,200.00元", not "…万元"): starts where a run of digits starts, so the scan stays linear. */
const YUAN = /(?<![0-9.,])([0-9][0-9,]*(?:\.[0-9]+)?)元/g;

/**
 * 元 amounts as 万元, exactly: 10,117,200.00元 → 1011.72万元, 10,117,249元 → 1011.7249万元 (the audit reads more than
 * two decimals as a figure given in 元, equal to a table amount within its rounding).
 */
function yuanToWan(_: string, n: string): string {
  const v = new Decimal(n.replace(/,/g, '')).dividedBy(10000);
  return `${v.toFixed(Math.max(2, v.decimalPlaces()))}万元`;
}

/** Drops whitespace and maps half-width punctuation to the full-width forms the templates use. */
export function normalise(s: string): string {
  return s
    .replace(/[\s\u3000\u00a0]/g, '')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/％/g, '%')
    .replace(/．/g, '.')
    // "1,010.72" keeps its comma; any other ASCII comma, semicolon or colon is punctuation.
    .replace(/(?<!\d),|,(?!\d)/g, '，')
    .replace(/;/g, '；')
    .replace(/(?<!\d):|:(?!\d)/g, '：')
    .replace(YUAN, yuanToWan);
}

export type SectionKind =
  | 'total' | 'income' | 'expense' | 'fiscal' | 'gpb' | 'basic' | 'fund' | 'capital' | 'sangong'
  | 'running' | 'proc' | 'asset' | 'perf' | 'special' | 'glossary' | 'other';

/** Sections are found by their own words, not by their numbers (provinces number them differently). */
export function sectionKind(heading: string): SectionKind {
  if (/三公/.test(heading)) return 'sangong';
  if (/机关运行经费/.test(heading)) return 'running';
  if (/政府采购/.test(heading)) return 'proc';
  if (/国有资产/.test(heading)) return 'asset';
  if (/绩效/.test(heading)) return 'perf';
  if (/专项/.test(heading)) return 'special';
  if (/政府性基金/.test(heading)) return 'fund';
  if (/国有资本经营/.test(heading)) return 'capital';
  if (/基本支出/.test(heading)) return 'basic';
  if (/一般公共预算财政拨款支出/.test(heading)) return 'gpb';
  if (/财政拨款收[入、]?支?出?决算总体|财政拨款收入支出/.test(heading)) return 'fiscal';
  if (/收入支出决算总体|收支决算总体/.test(heading)) return 'total';
  if (/收入决算/.test(heading)) return 'income';
  if (/支出决算/.test(heading)) return 'expense';
  return 'other';
}

export interface Sentence {
  readonly text: string;
  readonly kind: SectionKind;
  /** Number of the （一）（二）… subsection, 0 before the first. */
  readonly sub: number;
  /** 1-based line or paragraph of the input where the sentence starts. */
  readonly at: number;
}

const CN = '一二三四五六七八九十';
function cnNumber(s: string): number {
  if (s.length === 1) return CN.indexOf(s) + 1;
  if (s.startsWith('十')) return 10 + (s.length > 1 ? CN.indexOf(s[1]) + 1 : 0);
  return (CN.indexOf(s[0]) + 1) * 10 + (s.length > 2 ? CN.indexOf(s[2]) + 1 : 0);
}

const H1 = new RegExp(`^[${CN}]{1,3}、(.{2,40})$`);
const H2 = new RegExp(`^（([${CN}]{1,3})）([^：，]{2,45})?$`);
const PART = /^第[一二三四五六七八九十]部分/;
/** Page numbers and the page markers of PDF extraction ("----- [pdf page 21] -----"). */
const PAGE = /^(\d{1,3}|-\d{1,3}-|第\d+页.*|-*\[?(?:pdf)?page\d+\]?-*)$/i;

/** The units (lines or paragraphs) of 第三部分 and of 第五部分 名词解释; the whole text when neither is marked. */
function regions(units: ReadonlyArray<string>): Array<{ from: number; to: number; glossary: boolean }> {
  const last = (re: RegExp) => {
    let i = -1;
    units.forEach((u, n) => {
      if (re.test(u)) i = n;
    });
    return i;
  };
  const end = (from: number) => {
    for (let n = from + 1; n < units.length; n++) if (PART.test(units[n]) || /^附件/.test(units[n])) return n;
    return units.length;
  };
  const out: Array<{ from: number; to: number; glossary: boolean }> = [];
  // The part is known by its words (第三部分 in most reports, 第二部分 in some, or a 决算公开说明 with no part number);
  // a title broken over lines ("第三部分…部门决算情况" / "说明") is read with the next two lines. The last one wins
  // over a table of contents.
  const narrativeAt = (n: number) =>
    (PART.test(units[n]) && /情况说明/.test(units.slice(n, n + 3).join('').slice(0, 60)) && !/名词解释/.test(units[n])) || /^(?:部门)?决算公开说明$/.test(units[n]);
  let third = -1;
  units.forEach((_, n) => {
    if (narrativeAt(n)) third = n;
  });
  const fifth = last(/^第[一二三四五六七八九十]部分名词解释|^名词解释$/);
  if (third >= 0) out.push({ from: third + 1, to: end(third), glossary: false });
  if (fifth >= 0) out.push({ from: fifth + 1, to: end(fifth), glossary: true });
  if (!out.length) out.push({ from: 0, to: units.length, glossary: false });
  return out;
}

/** Splits the text into sentences with their section and input position. */
export function sentences(rawUnits: ReadonlyArray<string>): Sentence[] {
  const units = rawUnits.map(normalise);
  const out: Sentence[] = [];
  for (const reg of regions(units)) {
    let kind: SectionKind = reg.glossary ? 'glossary' : 'other';
    let parent: SectionKind = kind;
    let sub = 0;
    let pieces: string[] = [];
    // Where each unit's text starts in the joined text, and its unit number: a sentence's position is its first unit.
    let starts: number[] = [];
    let owners: number[] = [];
    let length = 0;
    const flush = () => {
      // Sentences end at "。"; a list item (（1）, 2.) after "：" starts a new one.
      const parts = pieces.join('').split(/(?<=。)|(?<=：)(?=（\d+）|\d+\.\D)/);
      let pos = 0;
      let owner = 0;
      for (const p of parts) {
        while (owner + 1 < starts.length && starts[owner + 1] <= pos) owner++;
        if (p.replace(/。/g, '')) out.push({ text: p, kind, sub, at: owners[owner] + 1 });
        pos += p.length;
      }
      pieces = [];
      starts = [];
      owners = [];
      length = 0;
    };
    for (let n = reg.from; n < reg.to; n++) {
      const u = units[n];
      if (!u || PAGE.test(u) || /^图\d+[：:]/.test(u)) continue;
      const h1 = reg.glossary ? null : H1.exec(u);
      const h2 = !h1 && !/万元/.test(u) ? H2.exec(u) : null;
      if (h1 && !/万元|%/.test(u)) {
        flush();
        kind = sectionKind(h1[1]);
        parent = kind;
        sub = 0;
        continue;
      }
      if (h2 && !reg.glossary) {
        flush();
        sub = cnNumber(h2[1]);
        // A subsection may be a section of its own (十一、其他重要事项 →（一）机关运行经费、（二）政府采购…).
        const own = h2[2] ? sectionKind(h2[2]) : 'other';
        kind = own !== 'other' ? own : parent;
        continue;
      }
      pieces.push(u);
      starts.push(length);
      owners.push(n);
      length += u.length;
    }
    flush();
  }
  return out;
}

/** A 项 named by its full name `{类}（类）{款}（款）{项}（项）` in a text. */
export interface ItemMention {
  readonly lei: string;
  readonly kuan: string;
  readonly xiang: string;
  /** The full name as written, and where it starts and ends in the text. */
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

/** Where a 类 name cannot reach back past: punctuation, and the bracket that closes a list number or a previous 项. */
const NAME_STOP = /[。；，：、）]/;
/** Names of 类, 款 and 项 are short; a longer run is not a name (and keeps the look-back bounded). */
const NAME_MAX = 40;

/** Every `X（类）Y（款）Z（项）` in a text, found with indexOf (linear in the text, whatever it holds). */
export function itemMentions(text: string): ItemMention[] {
  const out: ItemMention[] = [];
  let from = 0;
  for (;;) {
    const first = text.indexOf('（类）', from);
    if (first < 0) return out;
    const j = text.indexOf('（款）', first + 3);
    const k = j < 0 ? -1 : text.indexOf('（项）', j + 3);
    if (k < 0) return out;
    // The 类 that belongs to this 款 is the last one before it (each character is looked at a bounded number of times).
    const i = text.lastIndexOf('（类）', j);
    let start = i;
    while (start > 0 && i - start < NAME_MAX && !NAME_STOP.test(text[start - 1])) start--;
    // Up to the last list number ("1.", "（2）", "三、"): what precedes it is not part of the name (an extraction stray).
    const lead = /^(?:.*(?:（\d+）|\d+[.、]|[一二三四五六七八九十]+、))?/.exec(text.slice(start, i))![0];
    start += lead.length;
    const [lei, kuan, xiang] = [text.slice(start, i), text.slice(i + 3, j), text.slice(j + 3, k)];
    if (lei && kuan && xiang && kuan.length <= NAME_MAX && xiang.length <= NAME_MAX) {
      out.push({ lei, kuan, xiang, name: `${lei}（类）${kuan}（款）${xiang}（项）`, start, end: k + 3 });
    }
    from = k + 3;
  }
}
