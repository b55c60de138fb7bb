/** The build's base URL and Office.js variants (scripts/addin-config.js), on the real manifest and page templates. */
import fs from 'node:fs';
import path from 'node:path';

const cfg = require('../../scripts/addin-config');

const ROOT = path.resolve(__dirname, '../..');
const manifest = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const templates = ['src/taskpane/taskpane.html', 'src/commands/commands.html', 'src/commands/notice.html'].map((f) => fs.readFileSync(path.join(ROOT, f), 'utf8'));
const urls = (xml: string) => [...xml.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);

describe('addinConfig', () => {
  test('defaults: the dev server and the CDN', () => {
    expect(cfg.addinConfig({})).toEqual({ baseUrl: 'https://localhost:3000', officeJs: 'cdn', officeJsUrl: 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js' });
  });

  test('a base with a path, trailing slash dropped; local Office.js under it', () => {
    expect(cfg.addinConfig({ ADDIN_BASE_URL: 'https://addins.caizheng.local/juesuan/', OFFICE_JS: 'local' })).toEqual({
      baseUrl: 'https://addins.caizheng.local/juesuan',
      officeJs: 'local',
      officeJsUrl: 'https://addins.caizheng.local/juesuan/office-js/office.js',
    });
  });

  test.each([
    ['http://intranet/juesuan', /must be https/],
    ['intranet/juesuan', /not a URL/],
    ['https://intranet/juesuan?x=1', /without query/],
  ])('ADDIN_BASE_URL=%s is refused', (base, message) => {
    expect(() => cfg.addinConfig({ ADDIN_BASE_URL: base })).toThrow(message);
  });

  test('OFFICE_JS accepts cdn or local only', () => {
    expect(() => cfg.addinConfig({ OFFICE_JS: 'intranet' })).toThrow('OFFICE_JS must be cdn or local, not "intranet"');
  });
});

describe('rewriteManifest', () => {
  test('every URL of manifest.xml moves under the base; nothing else changes', () => {
    const base = 'https://addins.caizheng.local/juesuan';
    const out = cfg.rewriteManifest(manifest, base);
    const before = urls(manifest);
    expect(before).toHaveLength(8);
    expect(urls(out)).toEqual(before.map((u) => u.replace('https://localhost:3000', base)));
    expect(out).not.toContain('localhost');
    expect(out.replaceAll(base, 'https://localhost:3000')).toBe(manifest);
  });

  test('the default base leaves the manifest as it is', () => {
    expect(cfg.rewriteManifest(manifest, 'https://localhost:3000')).toBe(manifest);
  });
});

describe('pages', () => {
  test('CDN build: Office.js from Microsoft, and the policy allows that origin only for scripts and frames', () => {
    const c = cfg.addinConfig({});
    for (const t of templates) {
      const html = cfg.renderPage(t, c);
      expect(html).toContain('<script type="text/javascript" src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>');
      expect(html).not.toMatch(/%[A-Z_]+%/);
    }
    expect(cfg.contentSecurityPolicy(c)).toBe(
      "default-src 'self'; script-src 'self' https://appsforoffice.microsoft.com; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-src 'self' https://appsforoffice.microsoft.com; object-src 'none'; base-uri 'self'; form-action 'none'",
    );
  });

  test('local build: Office.js from the add-in origin, and the policy names no other origin', () => {
    const c = cfg.addinConfig({ ADDIN_BASE_URL: 'https://addins.caizheng.local/juesuan', OFFICE_JS: 'local' });
    for (const t of templates) {
      const html = cfg.renderPage(t, c);
      expect(html).toContain('src="https://addins.caizheng.local/juesuan/office-js/office.js"');
      expect(html).not.toContain('microsoft.com');
    }
    expect(cfg.contentSecurityPolicy(c)).not.toMatch(/https?:/);
  });

  test('a template without the placeholders is a build error, not a page without Office.js', () => {
    expect(() => cfg.renderPage('<html><head></head></html>', cfg.addinConfig({}))).toThrow('page template lacks %CSP%');
  });
});

describe('local Office.js files', () => {
  const dist = path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));
  const all: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else all.push(path.relative(dist, p).split(path.sep).join('/'));
    }
  };
  walk(dist);
  const kept = new Set(all.filter((f) => cfg.isLocalOfficeJsFile(f)));

  test('office.js and what it loads for Excel on each platform, in every language', () => {
    for (const f of ['office.js', 'o15apptofilemappingtable.js', 'es6-promise.js', 'excel-web-16.00.js', 'excel-win32-16.01.js', 'excel-mac-16.00.js', 'zh-cn/office_strings.js', 'en-us/office_strings.js']) {
      expect(kept).toContain(f);
    }
  });

  test('no other application, no debug build', () => {
    for (const f of ['word-web-16.00.js', 'outlook-web-16.01.js', 'powerpoint-web-16.00.js', 'office.debug.js', 'excel-web-16.00.debug.js', 'zh-cn/outlook_strings.js', 'office.d.ts']) {
      expect(all).toContain(f);
      expect(kept).not.toContain(f);
    }
  });
});
