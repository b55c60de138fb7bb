/** `npm run validate` on a built manifest: every URL under the deployment base and naming a file the build wrote. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const { rewriteManifest } = require('../../scripts/addin-config');

const ROOT = path.resolve(__dirname, '../..');
const BASE = 'https://addins.example.gov.cn/juesuan';

/** A folder laid out as `ADDIN_BASE_URL=… npm run build` lays out dist/addin (pages, icons, rewritten manifest). */
function builtSite(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-site-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  for (const f of fs.readdirSync(path.join(ROOT, 'assets')).filter((f) => f.endsWith('.png'))) fs.copyFileSync(path.join(ROOT, 'assets', f), path.join(dir, 'assets', f));
  for (const page of ['taskpane.html', 'commands.html', 'notice.html']) fs.writeFileSync(path.join(dir, page), '<!doctype html>');
  fs.writeFileSync(path.join(dir, 'manifest.xml'), rewriteManifest(fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8'), BASE));
  return dir;
}

function validate(file: string) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/validate-manifest.js'), file], { encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}

let site: string;
beforeEach(() => {
  site = builtSite();
});
afterEach(() => fs.rmSync(site, { recursive: true, force: true }));

test('a manifest built for an intranet base passes', () => {
  const r = validate(path.join(site, 'manifest.xml'));
  expect(r.out).toContain(`every URL under ${BASE} and built`);
  expect(r.status).toBe(0);
});

test('a URL left on the dev server, or naming a file the build did not write, fails', () => {
  const file = path.join(site, 'manifest.xml');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(`${BASE}/commands.html`, 'https://localhost:3000/commands.html'));
  fs.rmSync(path.join(site, 'assets/icon-64.png'));
  const r = validate(file);
  expect(r.status).toBe(1);
  expect(r.out).toContain(`URL is not under the add-in's base ${BASE}: https://localhost:3000/commands.html`);
  expect(r.out).toContain(`URL names assets/icon-64.png, which the build did not write: ${BASE}/assets/icon-64.png`);
});
