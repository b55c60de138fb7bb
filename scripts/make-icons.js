#!/usr/bin/env node
/*
 * Regenerates the add-in icons in assets/ (16/32/64/80 px, the sizes manifest.xml names: 16/32/80 for ribbon
 * buttons, 32/64 for IconUrl/HighResolutionIconUrl) by rendering an SVG in the local headless Chromium.
 * A green tile with the character 决; needs a CJK font (Debian: fonts-noto-cjk). Run: node scripts/make-icons.js
 */
const path = require('node:path');
const { chromium } = require('playwright-core');

const svg = (s) => `<svg xmlns="http://www.w3.org/2000/svg" width="${s}" height="${s}" viewBox="0 0 64 64">
  <rect x="1" y="1" width="62" height="62" rx="10" fill="#217346"/>
  <text x="32" y="47" font-size="44" font-weight="700" text-anchor="middle" fill="#fff"
        font-family="'Noto Sans CJK SC','WenQuanYi Zen Hei',sans-serif">决</text>
</svg>`;

(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    for (const s of [16, 32, 64, 80]) {
      const page = await browser.newPage({ viewport: { width: s, height: s } });
      await page.setContent(`<html><body style="margin:0;background:transparent">${svg(s)}</body></html>`);
      await page.screenshot({ path: path.join(__dirname, '..', 'assets', `icon-${s}.png`), omitBackground: true });
      await page.close();
    }
  } finally {
    await browser.close();
  }
})();
