// npm run audit:lighthouse — Lighthouse 12 (mobile) on the home, search and dilemma pages of a fresh demo
// server: the four category scores, LCP, bytes and requests, as printed figures (never a test).
// Lighthouse is pinned at 12.2.3 (13 wants Node 22) and runs through npx against Debian's Chromium.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { startServerProcess } from "./harness/server-process";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "leertuin-lighthouse-"));
// LIGHTHOUSE_REPORTS=<dir> keeps the full JSON reports there, to look into what an audit found.
const reports = process.env.LIGHTHOUSE_REPORTS ? path.resolve(process.env.LIGHTHOUSE_REPORTS) : dir;
fs.mkdirSync(reports, { recursive: true });
const server = await startServerProcess({
  database: path.join(dir, "leertuin.sqlite"),
  log: path.join(dir, "server.log"),
});
const allPages = {
  home: "/",
  search: "/zoeken?q=school%20wijkteam",
  dilemma: "/dilemmas/onderbuikgevoel-leerkracht-collega",
};
// LIGHTHOUSE_PAGES=home,search audits only those.
const only = process.env.LIGHTHOUSE_PAGES?.split(",");
const pages = Object.fromEntries(Object.entries(allPages).filter(([name]) => !only || only.includes(name)));

interface Audit {
  title: string;
  score: number | null;
  scoreDisplayMode: string;
  numericValue?: number;
  details?: { items?: Record<string, unknown>[]; overallSavingsBytes?: number };
}
interface Report {
  categories: Record<string, { score: number; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, Audit>;
}

const kib = (bytes: number) => (bytes / 1024).toFixed(1).padStart(6);

/** Requests and transfer size of one resource type, from the resource-summary audit. */
function summary(report: Report, type: string) {
  const row = report.audits["resource-summary"]?.details?.items?.find((item) => item.resourceType === type);
  return { count: Number(row?.requestCount ?? 0), bytes: Number(row?.transferSize ?? 0) };
}

/** Audits that cost a category points (score below 1), by id, so the next change knows where to look. */
function failing(report: Report) {
  const ids = new Set<string>();
  for (const category of Object.values(report.categories))
    for (const ref of category.auditRefs) {
      const audit = report.audits[ref.id];
      if (audit && audit.score !== null && audit.score < 1 && ["binary", "numeric"].includes(audit.scoreDisplayMode))
        ids.add(`${ref.id} (${Math.round(audit.score * 100)})`);
    }
  return [...ids];
}

const lines: string[] = [];
try {
  for (const [name, pagePath] of Object.entries(pages)) {
    const out = path.join(reports, `${name}.json`);
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
    const value = (key: string) => Math.round(report.audits[key]?.numericValue ?? 0);
    const total = summary(report, "total");
    const js = summary(report, "script");
    const css = summary(report, "stylesheet");
    // Lighthouse 12.2.3's render-blocking audit errors on Debian's Chromium (its trace has no frame_sequence): "-".
    const blockingAudit = report.audits["render-blocking-resources"];
    const blocking = blockingAudit?.details ? String(blockingAudit.details.items?.length ?? 0) : "-";
    const unusedJs = report.audits["unused-javascript"]?.details?.overallSavingsBytes ?? 0;
    const unusedCss = report.audits["unused-css-rules"]?.details?.overallSavingsBytes ?? 0;
    lines.push(
      `${name.padEnd(8)} ${score("performance")} ${score("accessibility")} ${score("best-practices")} ${score("seo")}` +
        ` ${String(value("first-contentful-paint")).padStart(6)} ${String(value("largest-contentful-paint")).padStart(6)}` +
        ` ${String(value("total-blocking-time")).padStart(4)}` +
        ` ${kib(total.bytes)} ${String(total.count).padStart(4)} ${kib(js.bytes)} ${String(js.count).padStart(3)}` +
        ` ${kib(css.bytes)} ${String(css.count).padStart(3)} ${blocking.padStart(5)} ${kib(unusedJs)} ${kib(unusedCss)}`,
      `         not full marks: ${failing(report).join(", ") || "none"}`,
    );
  }
  console.log(
    "page     perf a11y best  seo FCP ms LCP ms  TBT  total KiB reqs JS KiB req CSS KiB req block unused JS/CSS KiB",
  );
  for (const line of lines) console.log(line);
} finally {
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
