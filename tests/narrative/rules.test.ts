/** Every rule that reads the text alone runs its own cases: valid texts raise nothing, invalid ones raise that rule. */
import { TEXT_RULES } from '../../src/engine/rules/narrative';
import { sentences } from '../../src/engine/narrative/text';

describe.each(TEXT_RULES.map((r) => [r.id, r] as const))('%s', (_, rule) => {
  test.each(rule.cases.valid.map((lines) => [lines.slice(1).join(''), lines]))('valid: %s', (__, lines) => {
    expect(rule.check({ sentences: sentences(lines), supplement: null })).toEqual([]);
  });
  test.each(rule.cases.invalid.map((lines) => [lines.slice(1).join(''), lines]))('invalid: %s', (__, lines) => {
    const hits = rule.check({ sentences: sentences(lines), supplement: null });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.rule === rule)).toBe(true);
  });
});
