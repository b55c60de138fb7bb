import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogueMarkdown } from '../../src/engine/catalogue';

test('the README rule catalogue is the one generated from the rule modules (node scripts/update-readme.js)', () => {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  const section = /<!-- rules:start -->\n([\s\S]*)\n<!-- rules:end -->/.exec(readme)?.[1];
  expect(section).toBe(catalogueMarkdown());
});
