// npm run content:import — validates content/ and upserts it into the database in one transaction.
import { performance } from "node:perf_hooks";

import { contentRoot } from "../app/content/content-root.server";
import { importContent } from "../app/content/import-content.server";
import { ContentValidationError, readContentWithWarnings } from "../app/content/read-content.server";
import { getEnv } from "../app/utils/env.server";
import { migrateDatabase, openDatabase } from "../db/client.server";

const started = performance.now();
const db = openDatabase(getEnv().DATABASE_PATH);
try {
  migrateDatabase(db);
  const { library, warnings } = readContentWithWarnings(contentRoot());
  const counts = importContent(db, library);
  for (const w of warnings) console.warn(`Check (not blocking): ${w.file} › ${w.field}: ${w.message}`);
  const lines = Object.entries(counts).map(([table, c]) => `  ${table}: ${c.added} added, ${c.changed} changed`);
  console.log(lines.length > 0 ? `Imported content:\n${lines.join("\n")}` : "Content is up to date: nothing changed.");
  console.log(`Done in ${Math.round(performance.now() - started)} ms.`);
} catch (error) {
  if (!(error instanceof ContentValidationError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  db.$client.close();
}
