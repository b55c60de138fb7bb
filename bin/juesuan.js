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
// main() answers every failure it foresees; this is the last net, so no failure exits 0 or shows a stack trace.
const fail = (err) => {
  if (process.env.JUESUAN_DEBUG) process.stderr.write(`${err && err.stack ? err.stack : err}\n`);
  process.stderr.write(`juesuan ${process.argv.slice(2).join(' ')}：出现意外错误，没有完成。请把这一行和所用的文件报告给维护者。\n`);
  process.exit(2);
};
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);
require(entry).main(process.argv).then((code) => {
  process.exitCode = code;
}, fail);
