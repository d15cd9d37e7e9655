import fs from "node:fs";
import path from "node:path";

import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";

import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** The handle inside `db.transaction(tx => …)`. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Either: a read that may run inside a write's transaction or on its own. */
export type Executor = Db | Tx;

// From the project directory, like `build/` and `content/`: the bundled server (build/server/) runs this too.
const MIGRATIONS_FOLDER = path.resolve("db/migrations");

/** Opens the SQLite file with the pragmas every connection needs. */
export function openDatabase(file: string): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // With WAL, NORMAL never corrupts the database; a power cut may lose the last commits only.
  sqlite.pragma("synchronous = NORMAL");
  const db = drizzle(sqlite, { schema }) as Db;
  // Every transaction here writes, so it starts as a writer (BEGIN IMMEDIATE): behind another process's
  // write (a cluster worker, a script) it waits busy_timeout, where a deferred one that read first fails
  // at once with SQLITE_BUSY (SQLite cannot turn a snapshot older than that write into a writer).
  const transaction = db.transaction.bind(db);
  db.transaction = (run, config) => transaction(run, { behavior: "immediate", ...config });
  return db;
}

/**
 * Applies pending migrations with foreign keys off, as SQLite's table-rebuild procedure requires (dropping a
 * parent with them on would cascade into its children); a violation left behind undoes nothing but stops the start.
 */
export function migrateDatabase(db: Db, migrationsFolder = MIGRATIONS_FOLDER) {
  const sqlite = db.$client;
  sqlite.pragma("foreign_keys = OFF");
  try {
    migrate(db, { migrationsFolder });
    const violations = sqlite.pragma("foreign_key_check") as unknown[];
    if (violations.length > 0) {
      throw new Error(
        `Migration left ${violations.length} foreign key violation(s): ${JSON.stringify(violations.slice(0, 5))}`,
      );
    }
  } finally {
    sqlite.pragma("foreign_keys = ON");
  }
}

/** How many migrations in the folder the database has not applied yet (0 once `migrateDatabase` ran). */
export function pendingMigrations(db: Db, migrationsFolder = MIGRATIONS_FOLDER): number {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, "meta/_journal.json"), "utf8")) as {
    entries: unknown[];
  };
  const applied = db.$client
    .prepare("select count(*) from sqlite_master where type = 'table' and name = '__drizzle_migrations'")
    .pluck()
    .get()
    ? (db.$client.prepare("select count(*) from __drizzle_migrations").pluck().get() as number)
    : 0;
  return Math.max(0, journal.entries.length - applied);
}
