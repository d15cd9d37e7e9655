// Measures, in Chromium on a phone (390×844), how far down the first verdict of a dilemma page and the
// first result of /zoeken start, and takes screenshots of both pages on a phone and a desktop.
// Usage: tsx scripts/measure-first-screen.ts <base url> [screenshot dir]
import fs from "node:fs";
import path from "node:path";

import { launchBrowser } from "../tests/support/browser";

const DILEMMA = "/dilemmas/schoolverzuim-leerplicht-en-jeugdhulp";
const SEARCH = "/zoeken?q=leerling+verzuim+wijkteam";
const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } } as const;

const [baseUrl, screenDir] = process.argv.slice(2);
if (!baseUrl) throw new Error("Usage: tsx scripts/measure-first-screen.ts <base url> [screenshot dir]");
if (screenDir) fs.mkdirSync(screenDir, { recursive: true });

const browser = await launchBrowser();
try {
  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    const page = await (await browser.newContext({ viewport, locale: "nl-NL" })).newPage();
    for (const [label, url, selector] of [
      ["dilemma", DILEMMA, ".verdict-badge"],
      ["zoeken", SEARCH, ".search-results .card"],
    ] as const) {
      await page.goto(baseUrl + url);
      // The top of the first match in page coordinates: what a reader scrolls to reach it.
      const top = await page
        .locator(selector)
        .first()
        .evaluate((el) => el.getBoundingClientRect().top + scrollY);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      console.log(`${name} ${label}: first ${selector} at ${Math.round(top)} px (page ${height} px)`);
      if (screenDir) {
        await page.screenshot({ path: path.join(screenDir, `${label}-${name}.png`) });
        await page.screenshot({ path: path.join(screenDir, `${label}-${name}-full.png`), fullPage: true });
      }
    }
  }
} finally {
  await browser.close();
}
