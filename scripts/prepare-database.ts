import { performance } from "node:perf_hooks";

import { count } from "drizzle-orm";

import { migrateDatabase, openDatabase } from "../db/client.server";
import * as t from "../db/schema";
import { contentRoot } from "../app/content/content-root.server";
import { importContent } from "../app/content/import-content.server";
import { readContent } from "../app/content/read-content.server";

/** Migrates the database and, when it is empty, imports the curated library into it. */
export function prepareDatabase(file: string, log: (line: string) => void = console.log) {
  const db = openDatabase(file);
  try {
    migrateDatabase(db);
    const regions = db.select({ n: count() }).from(t.regions).get()?.n ?? 0;
    if (regions === 0) {
      const started = performance.now();
      const counts = importContent(db, readContent(contentRoot()));
      const summary = ["regions", "codes", "dilemmas", "answers"].map((k) => `${counts[k]?.added ?? 0} ${k}`).join(", ");
      log(`Imported the library into the empty database (${summary}) in ${Math.round(performance.now() - started)} ms.`);
    }
  } finally {
    db.$client.close();
  }
}
