// Backup and restore: an online backup while the server writes, a restore that gives back every table
// exactly, and the refusals (a database a server holds, a damaged backup).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { databaseHolders, pidFileOf } from "~/utils/database-lock.server";
import { backupDatabase, databaseProblems, restoreDatabase } from "../../db/backup.server";
import { DEMO, httpClient } from "../support/http";
import { TMP_DIR } from "../support/paths";
import { startTestServer, type TestServer } from "../support/test-server";

let server: TestServer;
let http: ReturnType<typeof httpClient>;
let live: string;
const dir = path.join(TMP_DIR, `backup-${process.pid}`);
beforeAll(async () => {
  server = await startTestServer();
  http = httpClient(server);
  live = process.env.DATABASE_PATH!;
  fs.mkdirSync(dir, { recursive: true });
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Every table and view definition, and every row of every table, in a comparable form. */
function snapshot(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const schema = db
      .prepare("select type, name, sql from sqlite_master where name not like 'sqlite_%' order by type, name")
      .all();
    const tables = db
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
      .pluck()
      .all() as string[];
    const rows = Object.fromEntries(
      tables.map((t) => [
        t,
        (db.prepare(`select * from "${t}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort(),
      ]),
    );
    return { schema, rows };
  } finally {
    db.close();
  }
}

const slug = () =>
  http.one<{ slug: string }>("select slug from dilemmas where status = 'answered' order by id limit 1")!.slug;
const comment = async (cookie: string, body: string) =>
  (await http.post(`/dilemmas/${slug()}`, { intent: "comment", body }, cookie)).status;

describe("backup and restore", () => {
  it("backs up while the server writes, and a restore gives back every table exactly", async () => {
    const member = await http.logIn(DEMO.member);
    expect(await comment(member, "Opgeslagen voor de back-up.")).toBe(200);

    // Writes go on while the backup runs; the backup is a consistent state of the database.
    const [backup, ...statuses] = await Promise.all([
      backupDatabase(live, { dir, keep: 5 }),
      ...Array.from({ length: 10 }, (_, i) => comment(member, `Tijdens de back-up geschreven, nummer ${i + 1}.`)),
    ]);
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(databaseProblems(backup.file)).toEqual([]);
    const backedUp = snapshot(backup.file);
    expect(backedUp.rows.comments!.some((r) => r.includes("Opgeslagen voor de back-up."))).toBe(true);
    expect(Object.keys(backedUp.rows).length).toBeGreaterThan(15);

    // Restore over a database that a killed process left with a WAL of its own: the WAL must not be
    // applied to the restored file; the replaced database is kept aside, WAL and all.
    const target = path.join(dir, "restored.sqlite");
    fs.copyFileSync(live, target);
    const crashed = spawnSync(process.execPath, [
      "-e",
      `const db = new (require("better-sqlite3"))(${JSON.stringify(target)}); db.pragma("journal_mode = WAL"); db.pragma("wal_autocheckpoint = 0");
       db.prepare("delete from audit_log").run(); process.kill(process.pid, "SIGKILL");`,
    ]);
    expect(crashed.signal).toBe("SIGKILL");
    expect(fs.statSync(`${target}-wal`).size).toBeGreaterThan(0);
    const { keptAs } = restoreDatabase(backup.file, target);
    expect(fs.existsSync(`${target}-wal`)).toBe(false);
    expect(snapshot(target)).toEqual(backedUp);
    const kept = new Database(keptAs!, { readonly: true });
    expect(kept.prepare("select count(*) from audit_log").pluck().get()).toBe(0);
    kept.close();
  });

  it("keeps only the newest backups", async () => {
    const keepDir = path.join(dir, "keep");
    const made = [];
    for (let day = 1; day <= 4; day++)
      made.push(
        (await backupDatabase(live, { dir: keepDir, keep: 2, now: new Date(`2026-01-0${day}T03:00:00Z`) })).file,
      );
    expect(fs.readdirSync(keepDir).sort()).toEqual(made.slice(2).map((f) => path.basename(f)));
  });

  it("refuses to replace the database of a running server, and leaves it alone", async () => {
    const backup = await backupDatabase(live, { dir, keep: 5 });
    expect(databaseHolders(live).join()).toContain(`process ${process.pid}`);
    expect(() => restoreDatabase(backup.file, live)).toThrow(/in use by a server, process \d+/);
    expect((await http.get("/")).status).toBe(200);
  });

  it("ignores the pid file a killed server left behind", () => {
    const target = path.join(dir, "left-behind.sqlite");
    fs.copyFileSync(live, target);
    const gone = spawnSync(process.execPath, ["-e", ""]).pid!;
    fs.writeFileSync(
      pidFileOf(target),
      JSON.stringify({ pid: gone, host: os.hostname(), startedAt: "2026-01-01T00:00:00Z" }),
    );
    expect(databaseHolders(target)).toEqual([]);
  });

  it("refuses a damaged backup and keeps the database as it was", async () => {
    const backup = await backupDatabase(live, { dir, keep: 5 });
    const damaged = path.join(dir, "damaged.sqlite");
    const bytes = fs.readFileSync(backup.file);
    bytes.fill(0x5a, 4096 * 3, 4096 * 6);
    fs.writeFileSync(damaged, bytes);
    const target = path.join(dir, "untouched.sqlite");
    fs.copyFileSync(backup.file, target);
    const before = snapshot(target);
    expect(() => restoreDatabase(damaged, target)).toThrow(/failed its check/);
    expect(snapshot(target)).toEqual(before);
    fs.writeFileSync(damaged, "not a database at all");
    expect(() => restoreDatabase(damaged, target)).toThrow(/failed its check: file is not a database/);
  });
});
