import { Severity } from './finding';
import { ALL_RULES } from './rules';
import { NARRATIVE_RULES } from './rules/narrative';

export interface CatalogueEntry {
  readonly id: string;
  readonly severity: Severity;
  readonly title: string;
  readonly why: string;
}

const SEVERITY_ZH: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

/** The rule catalogue, generated from the rule modules (README, `juesuan rules`, the task pane's help). */
export function ruleCatalogue(): CatalogueEntry[] {
  return [...ALL_RULES, ...NARRATIVE_RULES].map((r) => ({ id: r.id, severity: r.severity, title: r.title, why: r.why }));
}

export function catalogueMarkdown(): string {
  const rows = ruleCatalogue().map((r) => `| \`${r.id}\` | ${SEVERITY_ZH[r.severity]} | ${r.title} | ${r.why} |`);
  return ['| 规则 | 级别 | 标题 | 说明 |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

export { SEVERITY_ZH };
