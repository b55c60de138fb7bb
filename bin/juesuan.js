#!/usr/bin/env node
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const entry = path.join(__dirname, '..', 'dist', 'src', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('决算助手尚未构建：请先在仓库根目录运行 npm ci && npm run build\n');
  process.exit(2);
}
// `juesuan check … | head` closes the pipe early: that is not an error.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});
require(entry).main(process.argv).then((code) => {
  process.exitCode = code;
});
