import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { afterAll, beforeAll, beforeEach } from "vitest";

import { closeDb } from "~/utils/db.server";
import { type Db, openDatabase } from "../../db/client.server";
import { BASE_DB, TMP_DIR } from "./paths";

export interface TestServer {
  url: string;
  /** A fresh copy of the base database; the server opens it on its next request. */
  resetDatabase(): void;
  /** A connection of the test's own to the server's current database. */
  db(): Db;
  close(): Promise<void>;
}

/** Starts the real server (production build, Express, SQLite) in this test file's process. */
export async function startTestServer({ mailWorker = false } = {}): Promise<TestServer> {
  const file = path.join(TMP_DIR, `test-${process.pid}-${crypto.randomUUID()}.sqlite`);
  const copyBase = () => {
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
    fs.copyFileSync(BASE_DB, file);
  };
  copyBase();
  process.env.DATABASE_PATH = file;
  // The posting limit counts per account: test files that write more than 30 times a minute as one
  // demo account would trip it. A file that tests the limit sets POSTING_RATE_LIMIT itself.
  if (!("POSTING_RATE_LIMIT" in process.env)) process.env.POSTING_RATE_LIMIT = "100000";
  const { startServer } = await import("../../app/http/server.server");
  const server = await startServer({ port: 0, host: "127.0.0.1", mailWorker });
  const own: Db[] = [];
  return {
    url: server.url,
    resetDatabase() {
      closeDb();
      own.splice(0).forEach((db) => db.$client.close());
      copyBase();
    },
    db() {
      const db = openDatabase(file);
      own.push(db);
      return db;
    },
    async close() {
      await server.close();
      closeDb();
      own.splice(0).forEach((db) => db.$client.close());
      for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
    },
  };
}

/**
 * The test file's server: started before its tests, closed after them, and (unless told otherwise)
 * given a fresh copy of the base database before each test.
 */
export function useTestServer({ resetBetweenTests = true, mailWorker = false } = {}): TestServer {
  let started: TestServer | undefined;
  const server = () => {
    if (!started) throw new Error("the test server starts in beforeAll");
    return started;
  };
  beforeAll(async () => {
    started = await startTestServer({ mailWorker });
  });
  if (resetBetweenTests) beforeEach(() => server().resetDatabase());
  afterAll(() => started?.close());
  return {
    get url() {
      return server().url;
    },
    resetDatabase: () => server().resetDatabase(),
    db: () => server().db(),
    close: () => server().close(),
  };
}
