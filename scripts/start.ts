// npm start — builds when needed, migrates, imports the library into an empty database, serves.
import { performance } from "node:perf_hooks";

process.env.NODE_ENV ??= "production";

const started = performance.now();
const { buildIfNeeded } = await import("./build-if-needed");
const { prepareDatabase } = await import("./prepare-database");
const { getEnv } = await import("../app/utils/env.server");
const { startServer } = await import("../server");
const { sessionSecret } = await import("../app/auth/session-secret.server");
const { DEMO_ACCOUNTS, DEMO_PASSWORD } = await import("../app/auth/demo-accounts.server");
const { checkDatabaseFile, ensureWritableFolder } = await import("../app/utils/startup-checks.server");
const { warmSearchIndex } = await import("../app/search/search-cache.server");
const { getDb } = await import("../app/utils/db.server");

try {
  buildIfNeeded();
  const env = getEnv();
  // Before anything writes: the folder exists and can be written, an existing database is sound.
  ensureWritableFolder("DATABASE_PATH", env.DATABASE_PATH);
  checkDatabaseFile(env.DATABASE_PATH, env.BACKUP_DIR);
  sessionSecret();
  await prepareDatabase(env.DATABASE_PATH, { demo: env.LEERTUIN_DEMO === "1" });
  // The frequent term lists are read before the first request: no search after a start waits for them.
  await warmSearchIndex(getDb());
  const { url, shutDown } = await startServer();
  const stop = async (signal: string) => {
    console.log(
      `${signal}: finishing the requests in flight (at most ${env.SHUTDOWN_GRACE_SECONDS} s), then stopping.`,
    );
    const { cutOff, milliseconds } = await shutDown();
    console.log(
      `Stopped in ${milliseconds} ms${cutOff ? ", cutting off requests that outlasted the grace period" : ", every request answered"}.`,
    );
    process.exit(0);
  };
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void stop(signal));
  if (env.LEERTUIN_DEMO === "1") {
    console.log(`Demo accounts, each with the password '${DEMO_PASSWORD}' (LEERTUIN_DEMO=0 switches them off):`);
    for (const account of DEMO_ACCOUNTS)
      console.log(
        `  ${account.email.padEnd(34)} ${account.name}${"status" in account && account.status === "pending" ? ", wacht op goedkeuring" : ""}`,
      );
  }
  console.log(
    `Leertuin runs at ${url} (database ${env.DATABASE_PATH}, started in ${Math.round(performance.now() - started)} ms)`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
