// Renders assets/icon.svg to the PNG sizes the manifest names (16, 32, 64, 80) with Chromium.
// Run after changing the SVG: node scripts/make-icons.mjs
import { readFile } from "node:fs/promises";
import { chromium } from "playwright-core";

const svg = await readFile(new URL("../assets/icon.svg", import.meta.url), "utf8");
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
try {
  for (const size of [16, 32, 64, 80]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<body style="margin:0;background:transparent">${svg.replace("<svg ", `<svg width="${size}" height="${size}" `)}</body>`);
    await page.screenshot({ path: new URL(`../assets/icon-${size}.png`, import.meta.url).pathname, omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
