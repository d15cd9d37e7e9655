// A worker thread that writes a complete search index file (search-cache.server.ts starts it).
import { parentPort, workerData } from "node:worker_threads";

import { openDatabase } from "../../db/client.server";
import { writeSearchIndexFile } from "./search-index.server";

const { databasePath, target } = workerData as { databasePath: string; target: string };
const db = openDatabase(databasePath);
try {
  const stats = writeSearchIndexFile(db, target);
  parentPort!.postMessage({ ok: true, ...stats });
} catch (error) {
  parentPort!.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
} finally {
  db.$client.close();
}
