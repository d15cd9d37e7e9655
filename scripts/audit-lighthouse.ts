// npm run audit:lighthouse — Lighthouse 12 (mobile) on the home, search and dilemma pages of a fresh demo
// server: the four category scores, LCP and the bytes sent, as printed figures (never a test).
// Lighthouse is pinned at 12.2.3 (13 wants Node 22) and runs through npx against Debian's Chromium.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { startServerProcess } from "./harness/server-process";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "leertuin-lighthouse-"));
const server = await startServerProcess({
  database: path.join(dir, "leertuin.sqlite"),
  log: path.join(dir, "server.log"),
});
const pages = {
  home: "/",
  search: "/zoeken?q=school%20wijkteam",
  dilemma: "/dilemmas/onderbuikgevoel-leerkracht-collega",
};

interface Report {
  categories: Record<string, { score: number }>;
  audits: Record<string, { numericValue?: number }>;
}

try {
  console.log("page       perf  a11y  best  seo   LCP ms  bytes");
  for (const [name, pagePath] of Object.entries(pages)) {
    const out = path.join(dir, `${name}.json`);
    const run = spawnSync(
      "npx",
      [
        "-y",
        "lighthouse@12.2.3",
        server.url + pagePath,
        "--output=json",
        `--output-path=${out}`,
        "--quiet",
        "--chrome-flags=--headless=new --no-sandbox",
      ],
      { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium" }, stdio: "inherit" },
    );
    if (run.status !== 0) throw new Error(`Lighthouse failed on ${pagePath}`);
    const report = JSON.parse(fs.readFileSync(out, "utf8")) as Report;
    const score = (key: string) => String(Math.round((report.categories[key]?.score ?? 0) * 100)).padStart(4);
    const lcp = Math.round(report.audits["largest-contentful-paint"]?.numericValue ?? 0);
    const bytes = Math.round(report.audits["total-byte-weight"]?.numericValue ?? 0);
    console.log(
      `${name.padEnd(10)} ${score("performance")}  ${score("accessibility")}  ${score("best-practices")}  ${score("seo")}  ${String(lcp).padStart(6)}  ${bytes}`,
    );
  }
} finally {
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
