/*
 * Where the built add-in lives and where its pages take Office.js from; used by webpack.config.js and unit-tested in
 * tests/install. Two build variables:
 * - ADDIN_BASE_URL (default https://localhost:3000, the dev server): the https address the add-in is served from. The
 *   manifest's URLs and the pages' Office.js address use it.
 * - OFFICE_JS=cdn (default) | local: `cdn` loads Office.js from Microsoft's CDN, the supported way (docs:
 *   develop/referencing-the-javascript-api-for-office-library-from-its-cdn); `local` copies it from the pinned
 *   @microsoft/office-js package into <base>/office-js/ for networks without internet access (the package's README:
 *   "If you need to access the library in a secure cloud environment, download the necessary files from the CDN and
 *   bundle them with your add-in"). The Content-Security-Policy then names no outside origin at all.
 */
const DEV_BASE_URL = 'https://localhost:3000';
const CDN_OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const CDN_ORIGIN = new URL(CDN_OFFICE_JS).origin;
/** Folder of the copied Office.js inside dist/addin (local variant). */
const LOCAL_OFFICE_JS_DIR = 'office-js';
const OFFICE_JS_MODES = ['cdn', 'local'];

/** The build's settings from environment variables; throws with the variable's name on a value it cannot use. */
function addinConfig(env = process.env) {
  const baseUrl = normalizeBaseUrl(env.ADDIN_BASE_URL || DEV_BASE_URL);
  const officeJs = env.OFFICE_JS || 'cdn';
  if (!OFFICE_JS_MODES.includes(officeJs)) throw new Error(`OFFICE_JS must be ${OFFICE_JS_MODES.join(' or ')}, not "${officeJs}"`);
  return { baseUrl, officeJs, officeJsUrl: officeJs === 'local' ? `${baseUrl}/${LOCAL_OFFICE_JS_DIR}/office.js` : CDN_OFFICE_JS };
}

/** Office loads add-in pages over https only (docs: develop/add-in-manifests, "must be https"). No trailing slash. */
function normalizeBaseUrl(raw) {
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ADDIN_BASE_URL is not a URL: "${raw}"`);
  }
  if (url.protocol !== 'https:') throw new Error(`ADDIN_BASE_URL must be https (Office loads add-ins over https only): "${raw}"`);
  if (url.search || url.hash || url.username || url.password) throw new Error(`ADDIN_BASE_URL must be a plain folder address, without query, fragment or credentials: "${raw}"`);
  return url.href.replace(/\/+$/, '');
}

/** The manifest with every dev-server URL moved under `baseUrl`; throws if one would be left behind. */
function rewriteManifest(xml, baseUrl) {
  const out = xml.split(`${DEV_BASE_URL}/`).join(`${baseUrl}/`);
  if (baseUrl !== DEV_BASE_URL && out.includes(DEV_BASE_URL)) throw new Error(`manifest still names ${DEV_BASE_URL} in a form the rewrite does not know`);
  return out;
}

/**
 * One policy for every page. Finance data stays on this machine: connect-src 'self' and no origin but the add-in's
 * own and, with the CDN, Microsoft's Office.js host. style-src needs 'unsafe-inline' for Fluent UI's runtime styles
 * and for office.js itself (OJS#1687).
 */
function contentSecurityPolicy(config) {
  const office = config.officeJs === 'cdn' ? ` ${CDN_ORIGIN}` : '';
  return [
    "default-src 'self'",
    `script-src 'self'${office}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    `frame-src 'self'${office}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

/** Fills a page template's %CSP% and %OFFICE_JS_URL% placeholders; a template without them is a build error. */
function renderPage(template, config) {
  for (const p of ['%CSP%', '%OFFICE_JS_URL%']) if (!template.includes(p)) throw new Error(`page template lacks ${p}`);
  return template.split('%CSP%').join(contentSecurityPolicy(config)).split('%OFFICE_JS_URL%').join(config.officeJsUrl);
}

/**
 * Which files of @microsoft/office-js/dist the local variant serves, by path relative to dist/: office.js and what it
 * loads for Excel (the excel-* host scripts, the file-mapping table, the promise polyfill, each language's
 * office_strings.js, its telemetry and error-UI helpers). Other applications' scripts, debug builds and editor files
 * are left out (34 MB → about 14 MB).
 */
const OTHER_HOSTS = /^(access|custom-functions-runtime|onenote|outlook|powerpoint|project|visio|word)/;
function isLocalOfficeJsFile(relative) {
  const name = relative.split(/[\\/]/).pop();
  if (/\.debug\.js$|-vsdoc\.js$|\.d\.ts$/.test(name)) return false;
  return !OTHER_HOSTS.test(name);
}

module.exports = {
  DEV_BASE_URL,
  CDN_OFFICE_JS,
  LOCAL_OFFICE_JS_DIR,
  addinConfig,
  rewriteManifest,
  contentSecurityPolicy,
  renderPage,
  isLocalOfficeJsFile,
};
