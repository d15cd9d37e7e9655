// npm run test:crash — kill -9 the production server during a burst of writes, again and again; after
// each kill: SQLite's integrity check, every acknowledged write still there, no half-published answer.
//   CRASH_CYCLES (50), CRASH_WRITERS (8 concurrent writers)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

import Database from "better-sqlite3";
import { z } from "zod";

import { buildIfNeeded } from "./build.mjs";
import { type ServerProcess, startServerProcess } from "./harness/server-process";
import {
  accountForRun,
  ACCOUNTS,
  Client,
  consistencyProblems,
  type Outcome,
  pick,
  readLibrary,
  Stats,
  type Step,
  verifyAcks,
  weighted,
} from "./harness/workload";

const options = z
  .object({
    CRASH_CYCLES: z.coerce.number().int().positive().default(50),
    CRASH_WRITERS: z.coerce.number().int().positive().default(8),
  })
  .parse(process.env);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

buildIfNeeded();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "leertuin-crash-"));
const database = path.join(dir, "leertuin.sqlite");
const log = path.join(dir, "server.log");
console.log(
  `Crash test: ${options.CRASH_CYCLES} cycles of kill -9 during ${options.CRASH_WRITERS} concurrent writers; database and server log in ${dir}`,
);

const start = () => startServerProcess({ database, log });
let server: ServerProcess = await start();
const library = readLibrary(database);
const client = new Client(server.url, library);
// Sessions live in the database and the cookie secret beside it, so these cookies survive every restart.
const members = await Promise.all(
  ACCOUNTS.members.map(async (a) => ({ region: a.region, cookie: await client.logIn(a.email) })),
);
const facilitators = await Promise.all(
  ACCOUNTS.facilitators.map(async (a) => ({ region: a.region, cookie: await client.logIn(a.email) })),
);

const WRITES: [number, Step][] = [
  [4, () => client.comment(pick(members).cookie)],
  [2, () => (({ cookie, region }) => client.propose(cookie, region))(pick(members))],
  [3, () => (({ cookie, region }) => client.publish(cookie, region))(pick(facilitators))],
  [2, () => acceptWaiting()],
];

/** Proposals waiting per region, read from the database between cycles (the agenda page grows too slow to read in a burst). */
let waiting: { region: string; id: number }[] = [];
function refreshWaiting() {
  const db = new Database(database, { readonly: true });
  try {
    waiting = db
      .prepare(
        "select r.slug as region, d.id from dilemmas d join regions r on r.id = d.origin_region_id where d.status = 'proposed' order by random()",
      )
      .all() as typeof waiting;
  } finally {
    db.close();
  }
}
async function acceptWaiting(): Promise<Outcome | Outcome[]> {
  const next = waiting.pop();
  const facilitator = next && facilitators.find((f) => f.region === next.region);
  if (!next || !facilitator) return (({ cookie, region }) => client.publish(cookie, region))(pick(facilitators));
  return client.acceptProposal(facilitator.cookie, next.region, next.id);
}
const nextWrite = weighted(WRITES);

/** Opens the database as it was left, read-only, so the next server start does the WAL recovery itself. */
function check(): { problems: string[]; missing: string[] } {
  const db = new Database(database, { readonly: true, fileMustExist: true });
  try {
    const { missing } = verifyAcks(db, stats.acks);
    return { problems: consistencyProblems(db), missing };
  } finally {
    db.close();
  }
}

const stats = new Stats();
const restarts: number[] = [];
let inFlight = 0;
let failure: string | null = null;
for (let cycle = 1; cycle <= options.CRASH_CYCLES; cycle++) {
  if (cycle > 1) {
    server = await start();
    restarts.push(server.startMs);
    client.url = server.url;
  }
  refreshWaiting();
  const before = stats.acks.length;
  let killed = false;
  const writers = Array.from({ length: options.CRASH_WRITERS }, async () => {
    while (!killed) {
      const outcomes = [await nextWrite()()].flat();
      for (const o of outcomes) stats.add(o);
      if (outcomes.some((o) => o.status === "error")) {
        inFlight++;
        return;
      }
    }
  });
  // A cold server answers its first writes slowly: kill at a random moment once writes are flowing.
  const burstStart = performance.now();
  while (stats.acks.length === before && performance.now() - burstStart < 10_000) await sleep(10);
  await sleep(Math.floor(Math.random() * 2000));
  const afterMs = Math.round(performance.now() - burstStart);
  killed = true;
  const killedAt = performance.now();
  await server.kill9();
  await Promise.all(writers);
  const { problems, missing } = check();
  const acked = stats.acks.length - before;
  console.log(
    `cycle ${String(cycle).padStart(2)}: killed ${afterMs} ms into the burst, ${acked} writes acknowledged (${stats.acks.length} in all)` +
      `${cycle > 1 ? `, restart took ${restarts.at(-1)} ms` : ""}, check ${problems.length + missing.length === 0 ? "ok" : "FAILED"} (${Math.round(performance.now() - killedAt)} ms)`,
  );
  if (problems.length + missing.length > 0) {
    failure = [...problems, ...missing.slice(0, 20).map((m) => `missing ${m}`)].join("\n  ");
    break;
  }
}

const { acked, unacknowledged } = accountForRun(database, stats.acks, client.marker.run);
const sorted = [...restarts].sort((a, b) => a - b);
console.log("");
console.log(stats.table());
console.log("");
console.log(
  `${restarts.length + 1} starts and ${failure ? "fewer than planned" : options.CRASH_CYCLES} kill -9s; restart (recovery, migrations, search index, listen) median ${sorted[Math.floor(sorted.length / 2)] ?? 0} ms, max ${sorted.at(-1) ?? 0} ms`,
);
console.log(
  `Acknowledged writes: ${acked.comment} comments, ${acked.proposal} proposals, ${acked.publish} published versions, ${acked.accept} agenda decisions — all found after every kill: ${failure ? "NO" : "yes"}`,
);
console.log(`Requests cut off by a kill: ${inFlight}; stored although unacknowledged: ${unacknowledged}`);
console.log(`5xx answers: ${stats.count("5xx")}`);
if (failure) console.log(`  ${failure}`);
const pass = !failure && stats.count("5xx") === 0;
console.log(pass ? "CRASH TEST PASSED" : `CRASH TEST FAILED (kept ${dir})`);
if (pass) fs.rmSync(dir, { recursive: true, force: true });
process.exit(pass ? 0 : 1);
