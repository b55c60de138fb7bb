#!/usr/bin/env node
/* Prints the gzip size of the built task pane and commands bundles; fails above the 400 KB budget for the pane. */
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const dir = path.resolve(__dirname, '../dist/addin');
const BUDGET = 400 * 1024;
let over = false;
for (const f of fs.readdirSync(dir).filter((f) => /^(taskpane|commands)\.[0-9a-f]+\.js$/.test(f))) {
  const raw = fs.readFileSync(path.join(dir, f));
  const gz = zlib.gzipSync(raw, { level: 9 }).length;
  const pane = f.startsWith('taskpane');
  if (pane && gz > BUDGET) over = true;
  console.log(`${f}: ${(raw.length / 1024).toFixed(1)} KB, gzip ${(gz / 1024).toFixed(1)} KB${pane ? ` (budget ${BUDGET / 1024} KB)` : ''}`);
}
if (over) {
  console.error('task pane bundle is over its gzip budget');
  process.exit(1);
}
