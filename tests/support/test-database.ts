import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { afterEach, beforeEach } from "vitest";

import { type Db, openDatabase } from "../../db/client.server";
import { BASE_DB, TMP_DIR } from "./paths";

/**
 * A fresh copy of the migrated base database (the fixture library and the demo accounts) for each test,
 * opened directly: for the server's functions without a server in front.
 */
export function useTestDatabase(): () => Db {
  let db: Db | undefined;
  let file = "";
  beforeEach(() => {
    file = path.join(TMP_DIR, `unit-${process.pid}-${crypto.randomUUID()}.sqlite`);
    fs.copyFileSync(BASE_DB, file);
    db = openDatabase(file);
  });
  afterEach(() => {
    db?.$client.close();
    db = undefined;
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  });
  return () => {
    if (!db) throw new Error("the test database is opened in beforeEach");
    return db;
  };
}

/** The id of a demo account or of a region, by its e-mail address or slug. */
export function idOf(db: Db, table: "users" | "regions", key: string): number {
  const column = table === "users" ? "email" : "slug";
  const row = db.$client.prepare(`select id from ${table} where ${column} = ?`).get(key) as { id: number } | undefined;
  if (!row) throw new Error(`no ${table} row for ${key}`);
  return row.id;
}

/** The newest entry of the audit log, as the fields a write sets. */
export function lastAudit(db: Db) {
  return db.$client
    .prepare(
      "select actor_id as actorId, action, target_type as targetType, target_id as targetId, region_id as regionId from audit_log order by id desc limit 1",
    )
    .get() as { actorId: number | null; action: string; targetType: string; targetId: string; regionId: number | null };
}

/** How many rows a table holds: a refused write must leave it as it was. */
export function rowCount(db: Db, table: string): number {
  return (db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
}
