// The server that `npm start` runs from its bundle (build/server/serve.js, made by scripts/build.mjs): checks,
// migrates, imports the library into an empty database, serves. With WEB_CONCURRENCY > 1 this process does
// all that first and then forks the workers that serve (app/http/cluster.server.ts); each worker runs the
// same file and skips straight to serving.
import { performance } from "node:perf_hooks";

process.env.NODE_ENV ??= "production";

const started = performance.now();
const { getEnv } = await import("../app/utils/env.server");
const { startServer } = await import("../app/http/server.server");
const { closeSearchIndex, copySearchIndexForWorker, warmSearchIndex } =
  await import("../app/search/search-cache.server");
const { getDb } = await import("../app/utils/db.server");
const { runCluster, tellPrimary, workerSlot } = await import("../app/http/cluster.server");

/** Runs `stop` once on the first SIGTERM or SIGINT; a second signal (a terminal sends SIGINT to every worker too) waits for it. */
function onSignals(stop: (signal: string) => Promise<void>) {
  let stopping: Promise<void> | null = null;
  for (const signal of ["SIGTERM", "SIGINT"] as const)
    process.on(signal, () => {
      stopping ??= stop(signal);
    });
}

/** Serves from this process (a single process, or a cluster worker); resolves with the address. */
async function serve(env: ReturnType<typeof getEnv>, slot: number | null) {
  if (slot !== null) copySearchIndexForWorker(env.DATABASE_PATH);
  // The frequent term lists are read before the first request: no search after a start waits for them.
  await warmSearchIndex(getDb());
  // Only one worker sends mail: two would send the same outbox twice.
  const { url, shutDown } = await startServer({
    mailWorker: slot === null || slot === 1,
    claimDatabase: slot === null,
    warmUp: true,
  });
  onSignals(async (signal) => {
    console.log(
      `${signal}: finishing the requests in flight (at most ${env.SHUTDOWN_GRACE_SECONDS} s), then stopping.`,
    );
    const { cutOff, milliseconds } = await shutDown();
    const line = `Stopped in ${milliseconds} ms${cutOff ? ", cutting off requests that outlasted the grace period" : ", every request answered"}.`;
    console.log(slot === null ? line : `Worker ${slot}: ${line}`);
    if (slot !== null) await tellPrimary({ type: "stopped", cutOff });
    process.exit(0);
  });
  return url;
}

async function printDemoAccounts() {
  const { DEMO_ACCOUNTS, DEMO_PASSWORD } = await import("../app/auth/demo-accounts.server");
  console.log(`Demo accounts, each with the password '${DEMO_PASSWORD}' (LEERTUIN_DEMO=0 switches them off):`);
  for (const account of DEMO_ACCOUNTS)
    console.log(
      `  ${account.email.padEnd(34)} ${account.name}${"status" in account && account.status === "pending" ? ", wacht op goedkeuring" : ""}`,
    );
}

try {
  const env = getEnv();
  const slot = workerSlot();
  if (slot !== null) {
    // A cluster worker: the primary has built, checked and migrated; this one only serves.
    tellPrimary({ type: "listening", url: await serve(env, slot) });
  } else {
    // Only the first process prepares: a worker does not load the importer or the checks.
    const { prepareDatabase } = await import("./prepare-database");
    const { sessionSecret } = await import("../app/auth/session-secret.server");
    const { checkTotpKeys } = await import("../app/auth/totp-secret-box.server");
    const { checkDatabaseFile, ensureWritableFolder } = await import("../app/utils/startup-checks.server");
    const { claimDatabase } = await import("../app/utils/database-lock.server");
    // Before anything writes: the folder exists and can be written, an existing database is sound.
    ensureWritableFolder("DATABASE_PATH", env.DATABASE_PATH);
    checkDatabaseFile(env.DATABASE_PATH, env.BACKUP_DIR);
    sessionSecret();
    checkTotpKeys();
    await prepareDatabase(env.DATABASE_PATH, { demo: env.LEERTUIN_DEMO === "1" });
    const ready = async (url: string, workers: string) => {
      if (env.LEERTUIN_DEMO === "1") await printDemoAccounts();
      console.log(
        `Leertuin runs at ${url} (database ${env.DATABASE_PATH}${workers}, started in ${Math.round(performance.now() - started)} ms)`,
      );
    };
    if (env.WEB_CONCURRENCY === 1) {
      await ready(await serve(env, null), "");
    } else {
      // The workers open the index themselves, each its own copy: this process keeps none in memory.
      await closeSearchIndex();
      const release = claimDatabase(env.DATABASE_PATH);
      const workers = runCluster({ workers: env.WEB_CONCURRENCY });
      // From the first moment: a signal while workers still start stops them all the same.
      onSignals(async (signal) => {
        console.log(`${signal}: every worker finishes its requests in flight, then stops.`);
        const stopping = performance.now();
        const { cutOff } = await workers.stop(signal);
        release();
        console.log(
          `Stopped in ${Math.round(performance.now() - stopping)} ms${cutOff ? ", cutting off requests that outlasted the grace period" : ", every request answered"} (${env.WEB_CONCURRENCY} workers).`,
        );
        process.exit(0);
      });
      await ready(await workers.listening, `, ${env.WEB_CONCURRENCY} workers`);
    }
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
