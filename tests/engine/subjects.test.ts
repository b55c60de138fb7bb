/** The 科目 catalogue as data: bundled from the reports at hand, imported per year, read by code/name-mismatch. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze, BUNDLED_CATALOGUE, SubjectCatalogue } from '../../src/engine';
import { subjectPairs } from '../../src/cli/catalogue';
import { fixtureGrid } from '../support/grids';

const ROOT = join(__dirname, '..', '..');
const CORPUS = ['sh-putuo-czj-2024', 'sh-putuo-ghzy-2024', 'sh-putuo-shgzb-2024'];

test('the bundled catalogue holds every code and name the corpus reports print, with year and source', () => {
  for (const slug of CORPUS) {
    const j = JSON.parse(readFileSync(join(ROOT, 'tests', 'fixtures', 'corpus', `${slug}.tables.json`), 'utf8'));
    for (const id of ['t02', 't03', 't05']) for (const [code, name] of j[id].rows) expect(BUNDLED_CATALOGUE.names(code)).toContain(name);
  }
  const e = BUNDLED_CATALOGUE.entries.find((x) => x.code === '2010601');
  expect(e).toMatchObject({ name: '行政运行', year: 2024 });
  expect(e?.source).toContain('上海市普陀区财政局2024年度部门决算');
  // An earlier year's name of the same code still agrees.
  expect(BUNDLED_CATALOGUE.names('210')).toEqual(['卫生健康支出', '医疗卫生与计划生育支出']);
});

test('the report says how many codes were checked and lists those the catalogue lacks', () => {
  const grid = fixtureGrid('corpus/sh-putuo-czj-2024.xlsx');
  expect(analyze(grid).coverage.codes).toEqual({ checked: 83, unknown: [] });
  const none = analyze(grid, { catalogue: new SubjectCatalogue([]) });
  expect(none.coverage.codes.checked).toBe(0);
  expect(none.coverage.codes.unknown).toContain('2010601');
  expect(none.findings.filter((f) => f.rule === 'code/name-mismatch')).toEqual([]);
});

test('code/name-mismatch reads the catalogue it is given', () => {
  const wrong = BUNDLED_CATALOGUE.with([{ code: '2010608', name: '财政国库业务', year: 2099, source: 'test' }]);
  const f = analyze(fixtureGrid('corpus/sh-putuo-czj-2024.xlsx'), { catalogue: wrong }).findings.filter((x) => x.rule === 'code/name-mismatch');
  // A later year's other name does not make the printed 2024 name wrong: any of the code's names agrees.
  expect(f).toEqual([]);
  const only = new SubjectCatalogue([{ code: '2010608', name: '财政国库业务', year: 2024, source: 'test' }]);
  const g = analyze(fixtureGrid('corpus/sh-putuo-czj-2024.xlsx'), { catalogue: only }).findings.filter((x) => x.rule === 'code/name-mismatch');
  expect(g.map((x) => `${x.sheet}!${x.cell}`)).toEqual(['表2!D11', '表3!D11', '表5!D11']);
  expect(g[0].message).toBe('公开02表 科目编码 2010608 的标准名称是“财政国库业务”，表中为“财政委托业务支出”。请核对编码或名称。');
});

test('code and name pairs are read joined, split over cells, as numbers, or in one cell', () => {
  expect(
    subjectPairs([
      ['类', '款', '项', '科目名称'],
      ['201', '', '', '一般公共服务支出'],
      ['201', '1', '1', '行政运行'],
      ['2010102 一般行政管理事务'],
      ['2010103机关服务'],
      ['30101', '基本工资'],
    ]),
  ).toEqual([
    { code: '201', name: '一般公共服务支出' },
    { code: '2010101', name: '行政运行' },
    { code: '2010102', name: '一般行政管理事务' },
    { code: '2010103', name: '机关服务' },
    { code: '30101', name: '基本工资' },
  ]);
});

test('juesuan catalogue import keeps a year under the config directory, and check then knows its codes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-cat-'));
  const csv = join(dir, '科目-2024.csv');
  writeFileSync(csv, '科目编码,科目名称\n2010608,财政国库业务\n');
  const env = { ...process.env, JUESUAN_CONFIG_DIR: join(dir, 'config') };
  const run = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'juesuan.js'), ...args], { cwd: ROOT, encoding: 'utf8', env });
  const imported = run('catalogue', 'import', csv);
  expect(imported.status).toBe(0);
  expect(imported.stdout).toContain('已导入 2024 年度科目 1 个');
  expect(JSON.parse(readFileSync(join(dir, 'config', 'catalogue', '2024.json'), 'utf8')).entries).toEqual([{ code: '2010608', name: '财政国库业务' }]);
  expect(run('catalogue', 'list').stdout).toContain('2024 年度：1 个编码（导入：科目-2024.csv）');
  const check = run('check', '--no-info', 'tests/fixtures/corpus/sh-putuo-czj-2024.xlsx');
  expect(check.stdout).toContain('科目名称按科目表核对了全部 83 个编码。');
});
