/** Reading a narrative text: normalisation (narrative.md §1), the parts to audit, headings and sentences. */

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
    .replace(/(?<!\d):|:(?!\d)/g, '：');
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
const H2 = new RegExp(`^（([${CN}]{1,3})）([^：，]{2,45})$`);
const PAGE = /^(\d{1,3}|-\d{1,3}-|第\d+页.*)$/;

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
    for (let n = from + 1; n < units.length; n++) if (/^第[一二三四五六七八九]部分/.test(units[n]) || /^附件/.test(units[n])) return n;
    return units.length;
  };
  const out: Array<{ from: number; to: number; glossary: boolean }> = [];
  const third = last(/^第三部分/);
  const fifth = last(/^第五部分|^名词解释$/);
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
    let sub = 0;
    let blob = '';
    let owners: number[] = [];
    const flush = () => {
      // Sentences end at "。"; a list item (（1）, 2.) after "：" starts a new one.
      const parts = blob.split(/(?<=。)|(?<=：)(?=（\d+）|\d+\.\D)/);
      let pos = 0;
      for (const p of parts) {
        if (p.replace(/。/g, '')) out.push({ text: p, kind, sub, at: owners[pos] + 1 });
        pos += p.length;
      }
      blob = '';
      owners = [];
    };
    for (let n = reg.from; n < reg.to; n++) {
      const u = units[n];
      if (!u || PAGE.test(u) || /^图\d+[：:]/.test(u)) continue;
      const h1 = reg.glossary ? null : H1.exec(u);
      const h2 = !h1 && !/万元/.test(u) ? H2.exec(u) : null;
      if (h1 && !/万元|%/.test(u)) {
        flush();
        kind = sectionKind(h1[1]);
        sub = 0;
        continue;
      }
      if (h2 && !reg.glossary) {
        flush();
        sub = cnNumber(h2[1]);
        continue;
      }
      blob += u;
      for (let i = 0; i < u.length; i++) owners.push(n);
    }
    flush();
  }
  return out;
}
