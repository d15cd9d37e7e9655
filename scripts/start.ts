// npm start — builds when needed, migrates, imports the library into an empty database, serves.
import { performance } from "node:perf_hooks";

process.env.NODE_ENV ??= "production";

const started = performance.now();
const { buildIfNeeded } = await import("./build-if-needed");
const { prepareDatabase } = await import("./prepare-database");
const { getEnv } = await import("../app/utils/env.server");
const { startServer } = await import("../server");
const { sessionSecret } = await import("../app/auth/session-secret.server");

try {
  buildIfNeeded();
  const env = getEnv();
  sessionSecret();
  await prepareDatabase(env.DATABASE_PATH, { demo: env.LEERTUIN_DEMO === "1" });
  const { url } = await startServer();
  console.log(`Leertuin runs at ${url} (database ${env.DATABASE_PATH}, started in ${Math.round(performance.now() - started)} ms)`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
