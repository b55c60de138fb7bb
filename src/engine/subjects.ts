/**
 * The 政府收支分类科目 as data: 功能分类 (类 3 digits, 款 5, 项 7) and 部门预算支出经济分类 (类 3, 款 5), each entry
 * with its year and source. The engine receives a catalogue (the bundled one, merged with what the user imported
 * with `juesuan catalogue import`) and never reads files itself.
 */
import { Workbook, codedTable, econTable } from './model';
import { norm } from './recognize/text';
import { BUNDLED_SUBJECTS, SOURCES } from './subjects-data';

export type SubjectKind = '功能分类' | '经济分类';

export interface SubjectEntry {
  readonly code: string;
  readonly name: string;
  readonly year: number;
  readonly source: string;
}

/** 经济分类 codes start with 3 (301 … 399), 功能分类 codes with 2 (201 … 234). */
export function subjectKind(code: string): SubjectKind {
  return code.startsWith('3') ? '经济分类' : '功能分类';
}

export function isSubjectCode(code: string): boolean {
  return subjectKind(code) === '经济分类' ? /^3\d{2}(\d{2})?$/.test(code) : /^2\d{2}(\d{2}){0,2}$/.test(code);
}

export class SubjectCatalogue {
  private readonly byCode = new Map<string, SubjectEntry[]>();

  constructor(readonly entries: ReadonlyArray<SubjectEntry>) {
    for (const e of entries) {
      const list = this.byCode.get(e.code);
      if (list) list.push(e);
      else this.byCode.set(e.code, [e]);
    }
    // Latest year first, and within a year the longest name (PDF-narrow columns print truncated names).
    for (const list of this.byCode.values()) list.sort((a, b) => b.year - a.year || b.name.length - a.name.length);
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  /** The standard name: the latest year's, or the given year's when the catalogue has it. */
  name(code: string, year?: number): string | undefined {
    const list = this.byCode.get(code);
    if (!list) return undefined;
    return (year !== undefined ? list.find((e) => e.year === year) : undefined)?.name ?? list[0].name;
  }

  /** Every name the code has had, latest first (a name of an earlier year still agrees). */
  names(code: string): ReadonlyArray<string> {
    return [...new Set((this.byCode.get(code) ?? []).map((e) => e.name))];
  }

  /** This catalogue with `more` added (imported entries next to the bundled ones). */
  with(more: ReadonlyArray<SubjectEntry>): SubjectCatalogue {
    return more.length ? new SubjectCatalogue([...this.entries, ...more]) : this;
  }

  get size(): number {
    return this.byCode.size;
  }
}

export const BUNDLED_CATALOGUE = new SubjectCatalogue(BUNDLED_SUBJECTS.map(([code, name, year, sources]) => ({ code, name, year, source: sources.map((i) => SOURCES[i]).join('；') })));

/**
 * Whether a shown name is one of the code's names. Published tables abbreviate: PDF-narrow columns truncate names
 * and numbering (`一、`) or spaces creep in, so a long enough prefix agrees.
 */
export function nameAgrees(catalogue: SubjectCatalogue, shown: string, code: string): boolean {
  const s = norm(shown).replace(/^[一二三四五六七八九十]+、/, '');
  return catalogue.names(code).some((name) => {
    const t = norm(name);
    return s === t || (s.length >= 4 && t.startsWith(s));
  });
}

/** The codes of a workbook the catalogue can check, and those it cannot (listed in the report, never skipped in silence). */
export interface CodeCoverage {
  readonly checked: number;
  readonly unknown: ReadonlyArray<string>;
}

export function codeCoverage(workbook: Workbook, catalogue: SubjectCatalogue): CodeCoverage {
  const codes = new Set<string>();
  for (const id of ['02', '03', '05', '07', '08'] as const) for (const r of codedTable(workbook, id)?.rows ?? []) if (r.name) codes.add(r.code!);
  for (const i of econTable(workbook)?.items ?? []) if (i.name) codes.add(i.code);
  const unknown = [...codes].filter((c) => !catalogue.has(c)).sort();
  return { checked: codes.size - unknown.length, unknown };
}
