// npm run bench — the production server on a generated library, against a bare node:http server that
// answers with the same bytes from memory. BENCH_SIZES=1000,10000 BENCH_DURATION=10 BENCH_CONNECTIONS=10
// (seconds per page and server, in three turns, after 2 s of unmeasured warm-up). BENCH_ROWS=member,minimal
// runs only those rows (the keys in ROWS); the search latency, memory and start time are always measured.
import { type ChildProcess, execSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

import autocannon from "autocannon";

import { GENERATION_SQL } from "../app/http/page-cache.server";
import { openDatabase } from "../db/client.server";
import { type RecordedResponse, recordingKey } from "./bench-bare-server";
import { buildIfNeeded, SERVER_NODE_FLAGS } from "./build.mjs";
import { createBenchLibrary, logIn, startChild, stopChild } from "./harness/bench-server";

const positive = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`${name}: expected a positive whole number, got "${process.env[name]}"`);
  return value;
};
const SIZES = (process.env.BENCH_SIZES ?? "1000,10000").split(",").map((size) => positive("BENCH_SIZES", Number(size)));
const DURATION = positive("BENCH_DURATION", 10);
const CONNECTIONS = positive("BENCH_CONNECTIONS", 10);
const WARM_UP = Math.min(2, DURATION);
const ROUNDS = 3;
const MEMBER = "lid.zeeland@leertuin.test";
const SEARCH = "toestemming ouders school";
/** The rows, by the key BENCH_ROWS takes. */
const ROWS = ["home", "dilemma", "zoeken", "api-search", "vergelijk", "member", "minimal", "workers"] as const;
type RowKey = (typeof ROWS)[number];
const chosen = new Set(
  (process.env.BENCH_ROWS ?? ROWS.join(","))
    .split(",")
    .filter(Boolean)
    .map((key) => {
      if (!(ROWS as readonly string[]).includes(key))
        throw new Error(`BENCH_ROWS: "${key}" is none of ${ROWS.join(", ")}`);
      return key as RowKey;
    }),
);
/** Queries for the search API's latency, one request at a time and past the page cache. */
const LATENCY_QUERIES = [
  "school",
  "huisarts beroepsgeheim",
  "veilig thuis",
  "wijkteam",
  "toestemming ouders",
  "politie melding",
  "jeugdbescherming",
  "schulden gezin",
  "leerplicht verzuim",
  "ggz crisis",
  "AVG",
  "casusoverleg",
];
const LATENCY_ROUNDS = 5;
/** Typed one letter at a time for the suggestions' latency. */
const TYPED = ["toestemming ouders", "huiselijk geweld", "schuldhulpverlening"];
/** What a browser sends; pages are compressed as they are for a browser. */
const PAGE_HEADERS = {
  accept: "text/html,application/xhtml+xml",
  "accept-encoding": "gzip",
  "user-agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36",
};
const API_HEADERS = { accept: "application/json", "accept-encoding": "gzip" };

interface Target {
  key: RowKey;
  name: string;
  path: string;
  headers: Record<string, string>;
  /** The server that answers it: the one under test, or the one with the page cache off. */
  server: "main" | "uncached";
}

interface Row {
  page: string;
  path: string;
  reqPerSec: number;
  p50: number;
  p99: number;
  bareReqPerSec: number;
  bareP50: number;
  bareP99: number;
  ratio: number;
  bytes: number;
  errors: number;
}

interface Latency {
  p50: number;
  p95: number;
  max: number;
  requests: number;
}

interface SizeResult {
  dilemmas: number;
  startMs: number;
  rssMb: number;
  peakRssMb: number;
  generationCheckNs: { maxAuditId: number; dataVersion: number; both: number };
  /** One request at a time, started right after the server listens: the first round is the first queries after a start. */
  searchApi: Latency & { firstRoundMax: number };
  suggestions: Latency;
  /** The member's dilemma page against the minimal uncached Remix page, measured in alternating turns. */
  memberToMinimal: number | null;
  /** The member's dilemma page with one worker and with two (WEB_CONCURRENCY=2), in alternating turns. */
  workers: { one: number; two: number; scaling: number; rssMb: number } | null;
  /** The machine's 1-minute load average after the runs: other work on a shared machine lowers every figure. */
  loadAverage: number;
  rows: Row[];
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits));

/** One request with exactly these headers (no cookie jar, no decompression): status, raw headers, raw body. */
function record(base: string, target: Target): Promise<RecordedResponse> {
  return new Promise((resolve, reject) => {
    http
      .get(base + target.path, { headers: target.headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const headers: [string, string][] = [];
          for (let i = 0; i < res.rawHeaders.length; i += 2) headers.push([res.rawHeaders[i]!, res.rawHeaders[i + 1]!]);
          resolve({
            key: recordingKey(target.path, target.headers.cookie),
            status: res.statusCode!,
            headers,
            body: Buffer.concat(chunks).toString("base64"),
          });
        });
      })
      .on("error", reject);
  });
}

interface Measured {
  reqPerSec: number;
  p50: number;
  p99: number;
  errors: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Runs each (base, target) pair in turns (ROUNDS each, DURATION seconds in all per pair), after an
 * unmeasured warm-up of each: on a shared machine, load that comes and goes then falls on all alike.
 * req/s over all rounds; p50 and p99 the median of the rounds'.
 */
async function inTurns(pairs: [string, Target][]): Promise<Measured[]> {
  const run = ([base, target]: [string, Target], duration: number) =>
    autocannon({ url: base + target.path, headers: target.headers, connections: CONNECTIONS, pipelining: 1, duration });
  for (const pair of pairs) await run(pair, WARM_UP);
  const rounds: autocannon.Result[][] = pairs.map(() => []);
  for (let i = 0; i < ROUNDS; i++)
    for (const [j, pair] of pairs.entries()) rounds[j]!.push(await run(pair, DURATION / ROUNDS));
  return rounds.map((results) => ({
    reqPerSec: results.reduce((n, r) => n + r.requests.total, 0) / results.reduce((n, r) => n + r.duration, 0),
    p50: median(results.map((r) => r.latency.p50)),
    p99: median(results.map((r) => r.latency.p99)),
    errors: results.reduce((n, r) => n + r.errors + r.timeouts + r.non2xx, 0),
  }));
}

/** Nanoseconds per call of each way to read the cache generation. */
function generationCheckCost(file: string) {
  const db = openDatabase(file);
  const time = (sql: string) => {
    const statement = db.$client.prepare(sql).pluck();
    for (let i = 0; i < 10_000; i++) statement.get();
    const runs = 200_000;
    const started = performance.now();
    for (let i = 0; i < runs; i++) statement.get();
    return Math.round(((performance.now() - started) * 1e6) / runs);
  };
  const cost = {
    maxAuditId: time("select max(id) from audit_log"),
    dataVersion: time("pragma data_version"),
    both: time(GENERATION_SQL),
  };
  db.$client.close();
  return cost;
}

/** Milliseconds of each GET, one at a time on one kept-alive connection; fails on anything but a 200. */
async function oneAtATime(base: string, paths: string[], cookie: string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const times: number[] = [];
  for (const url of paths) {
    const started = performance.now();
    await new Promise<void>((resolve, reject) =>
      http
        .get(base + url, { agent, headers: { ...API_HEADERS, cookie } }, (res) => {
          res
            .resume()
            .on("end", () =>
              res.statusCode === 200 ? resolve() : reject(new Error(`${url} answered ${res.statusCode}`)),
            );
        })
        .on("error", reject),
    );
    times.push(performance.now() - started);
  }
  agent.destroy();
  return times;
}

function latency(times: number[]): Latency {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!, 2);
  return { p50: at(0.5), p95: at(0.95), max: round(sorted.at(-1)!, 2), requests: times.length };
}

async function searchLatency(base: string, cookie: string) {
  const paths = LATENCY_QUERIES.map((q) => `/api/search?${new URLSearchParams({ q })}`);
  const times = await oneAtATime(base, Array.from({ length: LATENCY_ROUNDS }, () => paths).flat(), cookie);
  return { ...latency(times), firstRoundMax: round(Math.max(...times.slice(0, paths.length)), 2) };
}

async function suggestionLatency(base: string, cookie: string) {
  const typed = TYPED.flatMap((text) => Array.from({ length: text.length - 1 }, (_, i) => text.slice(0, i + 2)));
  return latency(
    await oneAtATime(
      base,
      typed.map((q) => `/api/suggesties?${new URLSearchParams({ q })}`),
      cookie,
    ),
  );
}

function memoryOf(pid: number) {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"))?.[1] ?? 0);
  return { rssMb: round(kb("VmRSS") / 1024), peakRssMb: round(kb("VmHWM") / 1024) };
}

/** The resident memory of a process and its children (a cluster's primary and its workers). */
function treeRssMb(pid: number): number {
  const children = fs.existsSync(`/proc/${pid}/task/${pid}/children`)
    ? fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number)
    : [];
  return round(memoryOf(pid).rssMb + children.reduce((sum, child) => sum + treeRssMb(child), 0));
}

async function benchSize(size: number): Promise<SizeResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "leertuin-bench-"));
  const file = path.join(dir, "bench.sqlite");
  const children: ChildProcess[] = [];
  const env = (extra: Record<string, string> = {}) => ({
    ...process.env,
    NODE_ENV: "production" as const,
    LEERTUIN_DEMO: "1",
    DATABASE_PATH: file,
    PORT: "0",
    HOST: "127.0.0.1",
    WEB_CONCURRENCY: "1",
    ...extra,
  });
  const startServer = async (name: string, extra: Record<string, string> = {}) => {
    const started = performance.now();
    const server = await startChild(
      [...SERVER_NODE_FLAGS, "scripts/start.mjs"],
      env(extra),
      /Leertuin runs at (http:\/\/\S+)/,
      path.join(dir, `${name}.log`),
    );
    children.push(server.child);
    return {
      child: server.child,
      base: server.match[1]!.replace("localhost", "127.0.0.1"),
      startMs: Math.round(performance.now() - started),
    };
  };
  try {
    console.log(`\n— ${size} dilemmas: generating the library…`);
    const slug = await createBenchLibrary(file, size, (line) => console.log(`  ${line}`));
    const generationCheckNs = generationCheckCost(file);

    const main = await startServer("server");
    const base = main.base;
    console.log(`  server started in ${main.startMs} ms at ${base}`);
    const cookie = await logIn(base, MEMBER);
    // First, before anything else warms the server: the first searches after a start count.
    const searchApi = await searchLatency(base, cookie);
    const suggestions = await suggestionLatency(base, cookie);
    console.log(
      `  search API one at a time: p50 ${searchApi.p50} ms, p95 ${searchApi.p95} ms, first round max ${searchApi.firstRoundMax} ms; suggestions p95 ${suggestions.p95} ms`,
    );
    const uncached =
      chosen.has("minimal") || chosen.has("member") ? await startServer("uncached", { PAGE_CACHE_MB: "0" }) : null;

    const targets: Target[] = [
      { key: "home", name: "home (visitor)", path: "/", headers: PAGE_HEADERS, server: "main" },
      { key: "dilemma", name: "dilemma (visitor)", path: `/dilemmas/${slug}`, headers: PAGE_HEADERS, server: "main" },
      {
        key: "zoeken",
        name: "zoeken (visitor)",
        path: `/zoeken?${new URLSearchParams({ q: SEARCH })}`,
        headers: PAGE_HEADERS,
        server: "main",
      },
      {
        key: "api-search",
        name: "api/search (visitor)",
        path: `/api/search?${new URLSearchParams({ q: SEARCH })}`,
        headers: API_HEADERS,
        server: "main",
      },
      { key: "vergelijk", name: "vergelijk (visitor)", path: "/vergelijk", headers: PAGE_HEADERS, server: "main" },
      {
        key: "member",
        name: "dilemma (member)",
        path: `/dilemmas/${slug}`,
        headers: { ...PAGE_HEADERS, cookie },
        server: "main",
      },
      {
        key: "minimal",
        name: "minimal page (uncached)",
        path: "/inloggen",
        headers: PAGE_HEADERS,
        server: "uncached",
      },
    ];
    const measured = targets.filter(
      (target) => chosen.has(target.key) || (target.key === "minimal" && chosen.has("member")),
    );
    const baseOf = (target: Target) => (target.server === "main" ? base : uncached!.base);
    const recorded = new Map<RowKey, RecordedResponse>();
    for (const target of measured) {
      const response = await record(baseOf(target), target);
      if (response.status !== 200) throw new Error(`${target.path} answered ${response.status}`);
      recorded.set(target.key, response);
    }
    const recording = path.join(dir, "recorded.json");
    fs.writeFileSync(recording, JSON.stringify([...recorded.values()]));
    const bare = await startChild(
      ["--import", "tsx", "scripts/bench-bare-server.ts", recording],
      process.env,
      /listening on (\d+)/,
      path.join(dir, "bare.log"),
    );
    children.push(bare.child);
    const bareBase = `http://127.0.0.1:${bare.match[1]}`;

    const rows: Row[] = [];
    const addRow = (target: Target, app: Measured, yardstick: Measured) => {
      const row: Row = {
        page: target.name,
        path: target.path,
        reqPerSec: Math.round(app.reqPerSec),
        p50: app.p50,
        p99: app.p99,
        bareReqPerSec: Math.round(yardstick.reqPerSec),
        bareP50: yardstick.p50,
        bareP99: yardstick.p99,
        ratio: round(app.reqPerSec / yardstick.reqPerSec, 2),
        bytes: Buffer.from(recorded.get(target.key)!.body, "base64").length,
        errors: app.errors + yardstick.errors,
      };
      rows.push(row);
      console.log(`  ${target.name.padEnd(24)} ${row.reqPerSec} req/s against ${row.bareReqPerSec} (${row.ratio}×)`);
      return app.reqPerSec;
    };
    for (const target of measured.filter((t) => t.key !== "member" && t.key !== "minimal")) {
      const [app, yardstick] = await inTurns([
        [base, target],
        [bareBase, target],
      ]);
      addRow(target, app!, yardstick!);
    }
    let memberToMinimal: number | null = null;
    const member = measured.find((t) => t.key === "member");
    const minimal = measured.find((t) => t.key === "minimal");
    if (member && minimal) {
      // Side by side in alternating turns: the ratio the issue's target is about.
      const [memberApp, minimalApp, memberBare, minimalBare] = await inTurns([
        [base, member],
        [uncached!.base, minimal],
        [bareBase, member],
        [bareBase, minimal],
      ]);
      memberToMinimal = round(addRow(member, memberApp!, memberBare!) / addRow(minimal, minimalApp!, minimalBare!), 2);
    } else if (minimal) {
      const [app, yardstick] = await inTurns([
        [uncached!.base, minimal],
        [bareBase, minimal],
      ]);
      addRow(minimal, app!, yardstick!);
    }
    if (uncached) {
      await stopChild(uncached.child);
    }
    // Memory of the server under test, with its search index warm and every page above served.
    const memory = memoryOf(main.child.pid!);

    let workers: SizeResult["workers"] = null;
    if (chosen.has("workers")) {
      const two = await startServer("two-workers", { WEB_CONCURRENCY: "2" });
      const twoCookie = await logIn(two.base, MEMBER);
      const path = `/dilemmas/${slug}`;
      const [one, both] = await inTurns([
        [base, { ...targets[5]!, path, headers: { ...PAGE_HEADERS, cookie } }],
        [two.base, { ...targets[5]!, path, headers: { ...PAGE_HEADERS, cookie: twoCookie } }],
      ]);
      workers = {
        one: Math.round(one!.reqPerSec),
        two: Math.round(both!.reqPerSec),
        scaling: round(both!.reqPerSec / one!.reqPerSec, 2),
        rssMb: treeRssMb(two.child.pid!),
      };
      console.log(`  member page, 1 → 2 workers: ${workers.one} → ${workers.two} req/s (${workers.scaling}×)`);
      await stopChild(two.child);
    }
    return {
      dilemmas: size,
      startMs: main.startMs,
      ...memory,
      generationCheckNs,
      searchApi,
      suggestions,
      memberToMinimal,
      workers,
      loadAverage: round(os.loadavg()[0]!, 2),
      rows,
    };
  } finally {
    for (const child of children) await stopChild(child);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function printTable(result: SizeResult) {
  const { searchApi, suggestions, workers } = result;
  const lines = [
    `${result.dilemmas} dilemmas — ${CONNECTIONS} connections × ${DURATION} s per page and server (${ROUNDS} turns each), no pipelining`,
    "",
    "| page | req/s | p50 ms | p99 ms | bare req/s | bare p50 | bare p99 | ratio | bytes |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...result.rows.map(
      (r) =>
        `| ${r.page} | ${r.reqPerSec} | ${r.p50} | ${r.p99} | ${r.bareReqPerSec} | ${r.bareP50} | ${r.bareP99} | ${r.ratio}× | ${r.bytes} |`,
    ),
    "",
    "| one request at a time, past the page cache | p50 ms | p95 ms | max ms | requests |",
    "| --- | ---: | ---: | ---: | ---: |",
    `| search API, from the first query after the start | ${searchApi.p50} | ${searchApi.p95} | ${searchApi.max} | ${searchApi.requests} |`,
    `| suggestions, one per keystroke | ${suggestions.p50} | ${suggestions.p95} | ${suggestions.max} | ${suggestions.requests} |`,
    "",
    ...(result.memberToMinimal === null
      ? []
      : [`member dilemma page / minimal uncached Remix page (/inloggen): ${result.memberToMinimal}×`]),
    ...(workers
      ? [
          `member dilemma page with WEB_CONCURRENCY=1 → 2: ${workers.one} → ${workers.two} req/s (${workers.scaling}×; RSS of primary and workers ${workers.rssMb} MB)`,
        ]
      : []),
    `start ${result.startMs} ms · load average ${result.loadAverage} on ${os.cpus().length} cores · RSS ${result.rssMb} MB (peak ${result.peakRssMb} MB) · ` +
      `first search round max ${searchApi.firstRoundMax} ms · ` +
      `generation check: max(audit_log.id) ${result.generationCheckNs.maxAuditId} ns, PRAGMA data_version ${result.generationCheckNs.dataVersion} ns, both in one statement ${result.generationCheckNs.both} ns`,
  ];
  const errors = result.rows.filter((r) => r.errors > 0);
  if (errors.length)
    lines.push(`errors, timeouts or non-2xx answers: ${errors.map((r) => `${r.page} ${r.errors}`).join(", ")}`);
  console.log(`\n${lines.join("\n")}`);
}

buildIfNeeded();
const results: SizeResult[] = [];
for (const size of SIZES) results.push(await benchSize(size));
results.forEach(printTable);

const commit = (() => {
  try {
    return execSync("git rev-parse --short HEAD", { encoding: "utf8" }).trim();
  } catch {
    return null;
  }
})();
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
fs.mkdirSync("bench-results", { recursive: true });
const out = path.join("bench-results", `${stamp}.json`);
fs.writeFileSync(
  out,
  `${JSON.stringify({ date: new Date().toISOString(), commit, node: process.version, cpus: os.cpus().length, connections: CONNECTIONS, durationSeconds: DURATION, results }, null, 2)}\n`,
);
console.log(`\nWritten to ${out}`);
