#!/usr/bin/env node
/*
 * Offline checks of manifest.xml. `office-addin-manifest validate` posts the XML to a Microsoft service that is
 * unreachable here (office.md §2), and no official XSD ships with the tools, so this checks what the docs state:
 * - well-formed XML (parsed with xml2js, the parser office-addin-manifest itself uses);
 * - the base elements in the enforced order (docs: develop/manifest-element-ordering) and the required ones present;
 * - https URLs, resid ≤ 32 characters and defined in <Resources> (docs: develop/create-addin-commands);
 * - ribbon icons in 16/32/80 px, IconUrl 32 px, HighResolutionIconUrl 64 px, each PNG present in assets/ with that size;
 * - no Override for the DefaultLocale itself (docs: develop/localization);
 * - every ExecuteFunction's FunctionName registered with Office.actions.associate in src/commands;
 * - a built manifest (one with taskpane.html beside it, e.g. dist/addin/manifest.xml): every URL under the add-in's
 *   base (the folder of <SourceLocation>), and each names a file the build wrote there.
 * Usage: node scripts/validate-manifest.js [manifest ...]   (default: manifest.xml, and dist/addin{,-local}/manifest.xml if built)
 */
const fs = require('node:fs');
const path = require('node:path');
const xml2js = require(require.resolve('xml2js', { paths: [path.dirname(require.resolve('office-addin-manifest'))] }));

const root = path.resolve(__dirname, '..');
let errors = [];
const fail = (msg) => errors.push(msg);

const ORDER = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'VersionOverrides'];
const REQUIRED = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'DefaultSettings', 'Permissions'];

const name = (n) => n['#name'].replace(/^.*:/, '');
const kids = (n) => n.$$ ?? [];
const child = (n, k) => kids(n).find((c) => name(c) === k);
function* walk(n) {
  yield n;
  for (const c of kids(n)) yield* walk(c);
}

function pngSize(p) {
  const b = fs.readFileSync(p);
  if (b.readUInt32BE(0) !== 0x89504e47) return null;
  return { w: b.readUInt32BE(16), h: b.readUInt32BE(20) };
}

/**
 * Where the files behind the manifest's URLs are: a built manifest's own folder, or for the source manifest (dev
 * server URLs) the repository, where only assets/ exists before a build.
 */
let site = { base: '', dir: root, built: false };

/** The local file behind a URL under the add-in's base, or null for another URL. */
function localFile(url) {
  if (!site.base || !url?.startsWith(`${site.base}/`)) return null;
  return url.slice(site.base.length + 1).replace(/[?#].*$/, '');
}

function checkIcon(url, size, where) {
  const rel = localFile(url);
  if (!rel || !rel.startsWith('assets/')) return;
  const p = path.join(site.dir, rel);
  if (!fs.existsSync(p)) return fail(`${where}: ${rel} does not exist`);
  const s = pngSize(p);
  if (!s || s.w !== size || s.h !== size) fail(`${where}: ${rel} should be ${size}×${size} PNG, is ${s ? `${s.w}×${s.h}` : 'not a PNG'}`);
}

async function validate(file) {
  site = { base: '', dir: path.dirname(file), built: fs.existsSync(path.join(path.dirname(file), 'taskpane.html')) };
  if (!site.built) site.dir = root;
  const text = fs.readFileSync(file, 'utf8');
  let doc;
  try {
    doc = await new xml2js.Parser({ explicitChildren: true, preserveChildrenOrder: true, explicitRoot: true }).parseStringPromise(text);
  } catch (e) {
    fail(`not well-formed XML: ${e.message}`);
    return;
  }
  const app = doc.OfficeApp;
  if (!app) return fail('root element must be OfficeApp');
  if (app.$?.['xsi:type'] !== 'TaskPaneApp') fail('OfficeApp xsi:type must be TaskPaneApp');
  if (app.$?.xmlns !== 'http://schemas.microsoft.com/office/appforoffice/1.1') fail('OfficeApp must use the appforoffice/1.1 namespace');

  const base = kids(app).map(name);
  for (const r of REQUIRED) if (!base.includes(r)) fail(`missing required element <${r}>`);
  let last = -1;
  for (const n of base) {
    const i = ORDER.indexOf(n);
    if (i < 0) fail(`unexpected element <${n}> under OfficeApp`);
    else if (i <= last) fail(`<${n}> is out of order (expected order: ${ORDER.join(', ')})`);
    else last = i;
  }

  const val = (k) => child(app, k)?._ ?? child(app, k)?.$?.DefaultValue;
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(val('Id') ?? '')) fail('<Id> must be a GUID');
  if (!/^\d+(\.\d+){0,3}$/.test(val('Version') ?? '')) fail('<Version> must look like 1.0.0.0');
  const defaultLocale = val('DefaultLocale');
  for (const n of walk(app)) {
    if (name(n) === 'Override' && n.$?.Locale?.toLowerCase() === defaultLocale?.toLowerCase()) fail(`Override for the DefaultLocale ${defaultLocale} is not allowed`);
  }
  const host = child(child(app, 'Hosts') ?? {}, 'Host');
  if (host?.$?.Name !== 'Workbook') fail('base <Hosts> must contain <Host Name="Workbook"/>');
  const sets = kids(child(child(app, 'Requirements') ?? {}, 'Sets') ?? {});
  if (!sets.some((s) => s.$?.Name === 'ExcelApi' && /^1\.\d+$/.test(s.$?.MinVersion ?? ''))) fail('<Requirements> must declare ExcelApi with a 1.x MinVersion');
  const source = child(child(app, 'DefaultSettings') ?? {}, 'SourceLocation');
  if (!source) fail('<DefaultSettings> needs <SourceLocation>');
  site.base = /^(https:\/\/.+)\/taskpane\.html$/.exec(source?.$?.DefaultValue ?? '')?.[1] ?? '';
  if (!site.base) fail('<SourceLocation> must be https://…/taskpane.html');
  checkIcon(val('IconUrl'), 32, 'IconUrl');
  if (val('HighResolutionIconUrl')) checkIcon(val('HighResolutionIconUrl'), 64, 'HighResolutionIconUrl');

  // Every URL in the manifest must be https; in a built manifest each is under the base and names a built file.
  for (const n of walk(app)) {
    for (const [k, v] of Object.entries(n.$ ?? {})) {
      if (!/^(DefaultValue|Value)$/.test(k) || !/^[a-z]+:\/\//i.test(v)) continue;
      if (!v.startsWith('https://')) fail(`URL must be https: ${v}`);
      if (!site.built || !site.base) continue;
      const rel = localFile(v);
      if (!rel) fail(`URL is not under the add-in's base ${site.base}: ${v}`);
      else if (!fs.existsSync(path.join(site.dir, rel))) fail(`URL names ${rel}, which the build did not write: ${v}`);
    }
  }

  const vo = child(app, 'VersionOverrides');
  if (!vo) return;
  if (vo.$?.['xsi:type'] !== 'VersionOverridesV1_0') fail('VersionOverrides xsi:type must be VersionOverridesV1_0');
  const resources = new Map();
  for (const n of walk(child(vo, 'Resources') ?? {})) {
    const id = n.$?.id;
    if (!id || !['Image', 'Url', 'String'].includes(name(n))) continue;
    if (resources.has(id)) fail(`resource id ${id} is defined twice`);
    resources.set(id, n);
  }
  for (const n of walk(vo)) {
    const resid = n.$?.resid;
    if (resid) {
      if (resid.length > 32) fail(`resid "${resid}" is longer than 32 characters`);
      if (!resources.has(resid)) fail(`resid "${resid}" is not defined in <Resources>`);
    }
    if (name(n) === 'FunctionFile' && !/\.html$/.test(resources.get(resid)?.$?.DefaultValue ?? '')) fail('FunctionFile must point at an HTML page');
    if (name(n) === 'Icon') {
      const sizes = kids(n).map((i) => Number(i.$?.size));
      for (const s of [16, 32, 80]) if (!sizes.includes(s)) fail(`an <Icon> lacks the required ${s} px image`);
      for (const i of kids(n)) {
        const r = resources.get(i.$?.resid);
        if (r) checkIcon(r.$.DefaultValue, Number(i.$.size), `icon ${i.$.resid}`);
      }
    }
  }
  const associated = new Set();
  for (const f of fs.readdirSync(path.join(root, 'src/commands'))) {
    const src = fs.readFileSync(path.join(root, 'src/commands', f), 'utf8');
    for (const m of src.matchAll(/Office\.actions\.associate\(\s*'([^']+)'/g)) associated.add(m[1]);
  }
  for (const n of walk(vo)) {
    if (name(n) === 'FunctionName' && !associated.has(n._)) fail(`FunctionName ${n._} is not registered with Office.actions.associate in src/commands`);
  }
}

async function main() {
  const args = process.argv.slice(2);
  const built = ['dist/addin/manifest.xml', 'dist/addin-local/manifest.xml'].map((f) => path.join(root, f)).filter((f) => fs.existsSync(f));
  const files = args.length ? args.map((a) => path.resolve(a)) : [path.join(root, 'manifest.xml'), ...built];
  let failed = false;
  for (const file of files) {
    errors = [];
    if (!fs.existsSync(file)) fail('file not found (run `npm run build` first for dist/addin/manifest.xml)');
    else await validate(file);
    const name = path.relative(process.cwd(), file);
    if (errors.length) {
      failed = true;
      for (const e of errors) console.error(`✗ ${name}: ${e}`);
    } else {
      const extra = site.built ? `, every URL under ${site.base} and built` : '';
      console.log(`✓ ${name}: well-formed, element order, required elements, resources, icons and commands OK${extra} (offline checks)`);
    }
  }
  if (failed) process.exit(1);
}

main();
