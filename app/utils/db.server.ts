import { openDatabase, type Db, type Executor, type Tx } from "../../db/client.server";

import { getEnv } from "./env.server";
import { singleton } from "./singleton.server";

export type { Db, Executor, Tx };

export function getDb(): Db {
  return singleton("db", () => openDatabase(getEnv().DATABASE_PATH));
}

/** A UNIQUE constraint failure, told by SQLite's error code rather than by its message. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "SQLITE_CONSTRAINT_UNIQUE";
}
