/**
 * Renders build/icon.svg to the PNG sizes electron-builder needs (it derives .ico and .icns from
 * the 512 px PNG). Run by hand after changing the SVG: `npx tsx build/make-icons.ts`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../tests/e2e/browserMode.js';

const svg = readFileSync(join('build', 'icon.svg'), 'utf8');
const browser = await launchChromium();
for (const size of [512, 256]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
  );
  await page.screenshot({ path: join('build', size === 512 ? 'icon.png' : `icon-${size}.png`), omitBackground: true });
  await page.close();
}
await browser.close();
