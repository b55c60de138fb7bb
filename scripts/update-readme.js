#!/usr/bin/env node
// Regenerates the README's rule catalogue from the rule modules (after `npm run build`).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { catalogueMarkdown } = require('../dist/src/engine/catalogue.js');
const file = path.join(__dirname, '..', 'README.md');
const text = fs.readFileSync(file, 'utf8');
const next = text.replace(/<!-- rules:start -->[\s\S]*<!-- rules:end -->/, `<!-- rules:start -->\n${catalogueMarkdown()}\n<!-- rules:end -->`);
fs.writeFileSync(file, next);
