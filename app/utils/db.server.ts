import { type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";

import { type Db, type Executor, openDatabase, type Tx } from "../../db/client.server";
import { getEnv } from "./env.server";
import { forgetSingleton, singleton } from "./singleton.server";

export type { Db, Executor, Tx };

export function getDb(): Db {
  return singleton("db", () => openDatabase(getEnv().DATABASE_PATH));
}

/** Closes the process's connection; the next `getDb()` opens DATABASE_PATH again (tests swap databases). */
export function closeDb(): void {
  forgetSingleton<Db>("db")?.$client.close();
}

/** A UNIQUE constraint failure, told by SQLite's error code rather than by its message. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "SQLITE_CONSTRAINT_UNIQUE";
}

/**
 * A query prepared once per connection: drizzle builds its SQL and SQLite compiles it on the first
 * call, later calls only bind their placeholders and run. For the queries of (nearly) every request.
 */
export function preparedPerDb<P>(prepare: (db: Db) => P): (db: Db) => P {
  const statements = new WeakMap<Db, P>();
  return (db) => {
    let statement = statements.get(db);
    if (statement === undefined) {
      statement = prepare(db);
      statements.set(db, statement);
    }
    return statement;
  };
}

/**
 * `column IN (the list)` for a prepared statement: the list is bound to the named placeholder as one
 * JSON array (`JSON.stringify(ids)`), so one statement takes a list of any length.
 */
export function inJsonList(column: SQLiteColumn, placeholder: string): SQL {
  return sql`${column} in (select value from json_each(${sql.placeholder(placeholder)}))`;
}
