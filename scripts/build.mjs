// The production build: the Remix app (`build/index.js`, `public/build/`) and the server that serves it
// (`scripts/serve.ts` with the app's server modules, bundled by esbuild into `build/server/serve.js`), so the
// serving process runs on plain node without a TypeScript loader (ADR 0002's memory budget).
// `npm run build` builds both; `npm start` and the test harnesses call `buildIfNeeded`.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import { buildSync } from "esbuild";

const APP_SOURCES = ["app", "remix.config.js", "package.json", "tsconfig.json"];
const SERVER_SOURCES = ["app", "db", "scripts", "package.json", "tsconfig.json"];
export const SERVER_BUNDLE = "build/server/serve.js";
/**
 * How node runs the server (`npm start`, the container, the harnesses): V8 lets the old generation grow
 * to several times the live heap under load (about 95 MB live at 10k dilemmas, 500 MB resident after a
 * benchmark); a cap with room to spare keeps it under 300 MB, for a few per cent of throughput at 100 connections.
 */
export const SERVER_NODE_FLAGS = ["--max-old-space-size=256"];

/** @param {string} entry */
function newestChange(entry) {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(entry).map((name) => newestChange(path.join(entry, name))));
}

/**
 * Whether `output` is missing or older than one of `sources`; `walked` keeps each source's newest change,
 * so the app's folder is walked once for both outputs.
 * @param {string} output @param {string[]} sources @param {Map<string, number>} walked
 */
function isStale(output, sources, walked) {
  const built = fs.existsSync(output) ? fs.statSync(output).mtimeMs : 0;
  if (built === 0) return true;
  return sources.some((source) => {
    if (!walked.has(source)) walked.set(source, newestChange(source));
    return /** @type {number} */ (walked.get(source)) > built;
  });
}

function buildApp() {
  const result = spawnSync(process.execPath, [path.resolve("node_modules/@remix-run/dev/dist/cli.js"), "build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (result.status !== 0) throw new Error("The build failed; see the messages above.");
}

function buildServer() {
  // Packages stay imports from node_modules; the project's own TypeScript is compiled into build/server/.
  buildSync({
    entryPoints: ["scripts/serve.ts"],
    outdir: path.dirname(SERVER_BUNDLE),
    bundle: true,
    // What only the first process needs (the importer, the checks) stays in chunks a worker never loads.
    splitting: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "warning",
  });
}

/** Builds the app and the server, or only what is missing or older than its sources. */
export function buildIfNeeded(log = console.log) {
  const walked = new Map();
  if (isStale("build/index.js", APP_SOURCES, walked)) {
    log("Building the app…");
    buildApp();
  }
  if (isStale(SERVER_BUNDLE, SERVER_SOURCES, walked)) buildServer();
}

export function build() {
  buildApp();
  buildServer();
}

if (import.meta.url === `file://${process.argv[1]}`) build();
