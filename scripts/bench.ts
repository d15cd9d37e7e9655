// npm run bench — the production server on a generated library, against a bare node:http server that
// answers with the same bytes from memory. BENCH_SIZES=1000,10000 BENCH_DURATION=10 BENCH_CONNECTIONS=10
// (seconds per page and server, in three turns, after 2 s of unmeasured warm-up).
import { type ChildProcess, execSync, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

import autocannon from "autocannon";

import { DEMO_PASSWORD } from "../app/auth/demo-accounts.server";
import { contentRoot } from "../app/content/content-root.server";
import { importContent } from "../app/content/import-content.server";
import { readContent } from "../app/content/read-content.server";
import { GENERATION_SQL } from "../app/http/page-cache.server";
import { migrateDatabase, openDatabase } from "../db/client.server";
import { type RecordedResponse, recordingKey } from "./bench-bare-server";
import { buildIfNeeded } from "./build-if-needed";
import { generateLibrary } from "./generate-library";
import { prepareDatabase } from "./prepare-database";

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
/** What a browser sends; pages are compressed as they are for a browser. */
const PAGE_HEADERS = {
  accept: "text/html,application/xhtml+xml",
  "accept-encoding": "gzip",
  "user-agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36",
};
const API_HEADERS = { accept: "application/json", "accept-encoding": "gzip" };

interface Target {
  name: string;
  path: string;
  headers: Record<string, string>;
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

interface SizeResult {
  dilemmas: number;
  startMs: number;
  rssMb: number;
  peakRssMb: number;
  generationCheckNs: { maxAuditId: number; dataVersion: number; both: number };
  searchApi: { p50: number; p95: number; requests: number };
  /** The machine's 1-minute load average after the runs: other work on a shared machine lowers every figure. */
  loadAverage: number;
  rows: Row[];
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits));

/**
 * Starts a child process and resolves once a line of its output matches `ready`. The output goes to a
 * file, as a deployment's log would: a pipe read here would cost this process (and autocannon) time.
 */
async function startChild(args: string[], env: NodeJS.ProcessEnv, ready: RegExp, log: string) {
  const fd = fs.openSync(log, "w");
  const child = spawn(process.execPath, ["--import", "tsx", ...args], { env, stdio: ["ignore", fd, fd] });
  fs.closeSync(fd);
  for (;;) {
    const match = fs.readFileSync(log, "utf8").match(ready);
    if (match) return { child, match };
    if (child.exitCode !== null)
      throw new Error(
        `${args.join(" ")} stopped (${child.exitCode}) before it was ready:\n${fs.readFileSync(log, "utf8")}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function stopChild(child: ChildProcess) {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

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

async function logIn(base: string, email: string) {
  const response = await fetch(`${base}/inloggen`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: base },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD }),
  });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (response.status !== 302 || !cookie) throw new Error(`log-in of ${email} answered ${response.status}`);
  return cookie;
}

interface Measured {
  reqPerSec: number;
  p50: number;
  p99: number;
  errors: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * The app and the bare server in turns (ROUNDS each, DURATION seconds in all per server), after an
 * unmeasured warm-up of both: on a shared machine, load that comes and goes then falls on both alike.
 * req/s over all rounds; p50 and p99 the median of the rounds'.
 */
async function compare(appBase: string, bareBase: string, target: Target): Promise<[Measured, Measured]> {
  const run = (base: string, duration: number) =>
    autocannon({ url: base + target.path, headers: target.headers, connections: CONNECTIONS, pipelining: 1, duration });
  await run(appBase, WARM_UP);
  await run(bareBase, WARM_UP);
  const rounds: [autocannon.Result[], autocannon.Result[]] = [[], []];
  for (let i = 0; i < ROUNDS; i++) {
    rounds[0].push(await run(appBase, DURATION / ROUNDS));
    rounds[1].push(await run(bareBase, DURATION / ROUNDS));
  }
  return rounds.map((results) => ({
    reqPerSec: results.reduce((n, r) => n + r.requests.total, 0) / results.reduce((n, r) => n + r.duration, 0),
    p50: median(results.map((r) => r.latency.p50)),
    p99: median(results.map((r) => r.latency.p99)),
    errors: results.reduce((n, r) => n + r.errors + r.timeouts + r.non2xx, 0),
  })) as [Measured, Measured];
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

async function searchLatency(base: string, cookie: string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const times: number[] = [];
  for (let i = 0; i < LATENCY_ROUNDS; i++) {
    for (const query of LATENCY_QUERIES) {
      const started = performance.now();
      await new Promise<void>((resolve, reject) =>
        http
          .get(
            `${base}/api/search?${new URLSearchParams({ q: query })}`,
            { agent, headers: { ...API_HEADERS, cookie } },
            (res) => {
              res
                .resume()
                .on("end", () =>
                  res.statusCode === 200
                    ? resolve()
                    : reject(new Error(`search "${query}" answered ${res.statusCode}`)),
                );
            },
          )
          .on("error", reject),
      );
      times.push(performance.now() - started);
    }
  }
  agent.destroy();
  const sorted = times.sort((a, b) => a - b);
  const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!, 2);
  return { p50: at(0.5), p95: at(0.95), requests: times.length };
}

function memoryOf(pid: number) {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"))?.[1] ?? 0);
  return { rssMb: round(kb("VmRSS") / 1024), peakRssMb: round(kb("VmHWM") / 1024) };
}

async function benchSize(size: number): Promise<SizeResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "leertuin-bench-"));
  const file = path.join(dir, "bench.sqlite");
  const children: ChildProcess[] = [];
  try {
    console.log(`\n— ${size} dilemmas: generating the library…`);
    const db = openDatabase(file);
    migrateDatabase(db);
    importContent(db, readContent(contentRoot()));
    generateLibrary(db, size);
    // The curated dilemma with the most regional answers: a full page.
    const slug = db.$client
      .prepare(
        "select d.slug from dilemmas d join answers a on a.dilemma_id = d.id where d.origin = 'content' group by d.id order by count(*) desc, d.id limit 1",
      )
      .pluck()
      .get() as string;
    db.$client.close();
    await prepareDatabase(file, { demo: true }, (line) => console.log(`  ${line}`));
    const generationCheckNs = generationCheckCost(file);

    const env = {
      ...process.env,
      NODE_ENV: "production" as const,
      LEERTUIN_DEMO: "1",
      DATABASE_PATH: file,
      PORT: "0",
      HOST: "127.0.0.1",
    };
    const started = performance.now();
    const real = await startChild(
      ["scripts/start.ts"],
      env,
      /Leertuin runs at (http:\/\/\S+)/,
      path.join(dir, "server.log"),
    );
    const startMs = Math.round(performance.now() - started);
    children.push(real.child);
    const base = real.match[1]!.replace("localhost", "127.0.0.1");
    console.log(`  server started in ${startMs} ms at ${base}`);

    const cookie = await logIn(base, MEMBER);
    const targets: Target[] = [
      { name: "home (visitor)", path: "/", headers: PAGE_HEADERS },
      { name: "dilemma (visitor)", path: `/dilemmas/${slug}`, headers: PAGE_HEADERS },
      { name: "zoeken (visitor)", path: `/zoeken?${new URLSearchParams({ q: SEARCH })}`, headers: PAGE_HEADERS },
      { name: "api/search (visitor)", path: `/api/search?${new URLSearchParams({ q: SEARCH })}`, headers: API_HEADERS },
      { name: "vergelijk (visitor)", path: "/vergelijk", headers: PAGE_HEADERS },
      { name: "dilemma (member)", path: `/dilemmas/${slug}`, headers: { ...PAGE_HEADERS, cookie } },
    ];
    const recorded: RecordedResponse[] = [];
    for (const target of targets) {
      const response = await record(base, target);
      if (response.status !== 200) throw new Error(`${target.path} answered ${response.status}`);
      recorded.push(response);
    }
    const recording = path.join(dir, "recorded.json");
    fs.writeFileSync(recording, JSON.stringify(recorded));
    const bare = await startChild(
      ["scripts/bench-bare-server.ts", recording],
      process.env,
      /listening on (\d+)/,
      path.join(dir, "bare.log"),
    );
    children.push(bare.child);
    const bareBase = `http://127.0.0.1:${bare.match[1]}`;

    const rows: Row[] = [];
    for (const [i, target] of targets.entries()) {
      process.stdout.write(`  ${target.name.padEnd(22)} `);
      const [app, yardstick] = await compare(base, bareBase, target);
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
        bytes: Buffer.from(recorded[i]!.body, "base64").length,
        errors: app.errors + yardstick.errors,
      };
      rows.push(row);
      console.log(`${row.reqPerSec} req/s against ${row.bareReqPerSec} (${row.ratio}×)`);
    }
    const searchApi = await searchLatency(base, cookie);
    return {
      dilemmas: size,
      startMs,
      ...memoryOf(real.child.pid!),
      generationCheckNs,
      searchApi,
      loadAverage: round(os.loadavg()[0]!, 2),
      rows,
    };
  } finally {
    for (const child of children) await stopChild(child);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function printTable(result: SizeResult) {
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
    `start ${result.startMs} ms · load average ${result.loadAverage} on ${os.cpus().length} cores · RSS ${result.rssMb} MB (peak ${result.peakRssMb} MB) · search API one at a time, past the page cache: ` +
      `p50 ${result.searchApi.p50} ms, p95 ${result.searchApi.p95} ms (${result.searchApi.requests} requests) · ` +
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
