import { CellRef } from './a1';
import { Finding, Severity } from './finding';
import { Amount, TableId, Workbook } from './model';
import { RecognitionNote } from './recognize/notes';
import { StatedRelation } from './relation';
import { SubjectCatalogue } from './subjects';

export type RuleFamily = 'structure' | 'value' | 'code' | 'sum' | 'cross' | 'plausibility';

/** A check, in the shape of an ESLint rule file: metadata that the catalogue is generated from, and `check`. */
export interface Rule {
  /** Stable id (`family/name`); users' decisions are stored against it. */
  readonly id: string;
  /** Severity of what it reports when a relation is broken (尾差 is always info). */
  readonly severity: Severity;
  readonly title: string;
  /** Why the relation must hold, in one or two Chinese sentences. */
  readonly why: string;
  readonly check: (ctx: RuleContext) => void;
}

export interface ReportInput {
  readonly table: TableId | '--';
  readonly at: CellRef;
  readonly related?: ReadonlyArray<CellRef>;
  readonly message: string;
  readonly severity?: Severity;
  readonly expected?: string;
  readonly actual?: string;
  readonly difference?: string;
  readonly tolerance?: string;
  readonly unit?: string;
}

export interface RelationOptions {
  /** The amount most likely wrong, reported as `cell` (default: the relation's left side). */
  readonly target?: Amount;
  /** Severity when broken (default: the rule's). */
  readonly severity?: Severity;
}

export interface RuleContext {
  readonly workbook: Workbook;
  /** The 科目 catalogue names are checked against (bundled, plus what the user imported). */
  readonly catalogue: SubjectCatalogue;
  readonly notes: ReadonlyArray<RecognitionNote>;
  /** Checks a relation; broken relations and 尾差 become findings, skipped ones are counted and named. */
  relation(rel: StatedRelation, options?: RelationOptions): void;
  report(input: ReportInput): void;
}

export function defineRule(rule: Rule): Rule {
  if (!/^(structure|value|code|sum|cross|plausibility)\/[a-z0-9-]+$/.test(rule.id)) throw new Error(`bad rule id ${rule.id}`);
  return rule;
}

export type { Finding };
