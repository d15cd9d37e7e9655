// A bad day for the operator: a damaged database, a missing or read-only folder, a full disk. The start
// refuses with words that say what to do and leaves the file as it was; a full disk refuses writes with
// 507 while reads go on, loses nothing acknowledged, and writes work again once space returns.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { checkDatabaseFile, ensureWritableFolder, StartupError } from "~/utils/startup-checks.server";
import { SERVER_NODE_FLAGS } from "../../scripts/build.mjs";
import { startServerProcess } from "../../scripts/harness/server-process";
import { DEMO } from "../support/http";
import { BASE_DB, TMP_DIR } from "../support/paths";

const dir = path.join(TMP_DIR, `bad-day-${process.pid}`);
const sha = (file: string) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");

/** Mounts a tmpfs (CI runs as root); null with the reason when this machine refuses. */
function mountTmpfs(target: string, size: string): string | null {
  fs.mkdirSync(target, { recursive: true });
  const result = spawnSync("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", target], { encoding: "utf8" });
  return result.status === 0 ? null : `mount refused: ${(result.stderr || result.error?.message || "").trim()}`;
}
const unmount = (target: string) => spawnSync("umount", [target]);

/** `npm start` as an operator runs it, against the given settings; resolves when it exits (or after 60 s). */
function runStart(env: Record<string, string>) {
  return spawnSync(process.execPath, [...SERVER_NODE_FLAGS, path.resolve("scripts/start.mjs")], {
    env: { ...process.env, NODE_ENV: "production", LEERTUIN_DEMO: "1", PORT: "0", HOST: "127.0.0.1", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
}

beforeAll(() => fs.mkdirSync(dir, { recursive: true }));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("start-up checks", () => {
  it("refuses a damaged database without touching it, and names the newest backup to restore", () => {
    const database = path.join(dir, "damaged.sqlite");
    const backups = path.join(dir, "backups");
    fs.mkdirSync(backups, { recursive: true });
    fs.copyFileSync(BASE_DB, path.join(backups, "damaged-20261101T010000000Z.sqlite"));
    fs.copyFileSync(BASE_DB, path.join(backups, "damaged-20261201T010000000Z.sqlite"));
    fs.copyFileSync(BASE_DB, database);
    // Garbage over the middle pages: the header is intact, the b-trees are not.
    const fd = fs.openSync(database, "r+");
    const size = fs.fstatSync(fd).size;
    fs.writeSync(fd, crypto.randomBytes(64 * 1024), 0, 64 * 1024, Math.floor(size / 2 / 4096) * 4096);
    fs.closeSync(fd);
    const before = sha(database);

    const run = runStart({ DATABASE_PATH: database, BACKUP_DIR: backups });

    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`The database ${database} is damaged`);
    expect(run.stderr).toContain("has not changed the file");
    expect(run.stderr).toContain(`npm run db:restore -- ${path.join(backups, "damaged-20261201T010000000Z.sqlite")}`);
    expect(sha(database)).toBe(before);
    expect(fs.existsSync(`${database}-wal`)).toBe(false);
  });

  it("refuses a file that is not a database at all, with what is wrong", () => {
    const database = path.join(dir, "not-a-database.sqlite");
    fs.writeFileSync(database, "dit is geen database, maar een tekstbestand dat per ongeluk hier staat\n".repeat(50));
    const before = sha(database);
    expect(() => checkDatabaseFile(database, path.join(dir, "none"))).toThrow(/does not start with SQLite's header/);
    expect(() => checkDatabaseFile(database, path.join(dir, "none"))).toThrow(/No backups were found/);
    expect(sha(database)).toBe(before);
  });

  it("accepts a sound database and a new one", () => {
    expect(() => checkDatabaseFile(BASE_DB, dir)).not.toThrow();
    expect(() => checkDatabaseFile(path.join(dir, "does-not-exist-yet.sqlite"), dir)).not.toThrow();
  });

  it("creates a missing folder for the database, its session secret and search index", () => {
    const database = path.join(dir, "new", "deeper", "leertuin.sqlite");
    ensureWritableFolder("DATABASE_PATH", database);
    expect(fs.statSync(path.dirname(database)).isDirectory()).toBe(true);
  });

  it("names the setting when the folder cannot be written, and refuses a read-only database", (context) => {
    const mount = path.join(dir, "read-only");
    const refused = mountTmpfs(mount, "4m");
    if (refused) {
      console.warn(`Skipped: ${refused}`);
      context.skip();
    }
    try {
      fs.copyFileSync(BASE_DB, path.join(mount, "leertuin.sqlite"));
      expect(spawnSync("mount", ["-o", "remount,ro", mount]).status).toBe(0);
      expect(() => ensureWritableFolder("DATABASE_PATH", path.join(mount, "sub", "leertuin.sqlite"))).toThrow(
        /DATABASE_PATH: the folder .* does not exist and cannot be created/,
      );
      expect(() => ensureWritableFolder("DATABASE_PATH", path.join(mount, "leertuin.sqlite"))).toThrow(
        /DATABASE_PATH: the folder .* cannot be written/,
      );
      const run = runStart({ DATABASE_PATH: path.join(mount, "leertuin.sqlite") });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain("DATABASE_PATH");
      expect(run.stderr).toContain("cannot be written");
      expect(() => checkDatabaseFile(path.join(mount, "leertuin.sqlite"), dir)).toThrow(StartupError);
    } finally {
      unmount(mount);
    }
  });
});

describe("a full disk", () => {
  it("refuses writes with 507 and the text kept, serves reads, loses nothing acknowledged, and recovers", async (context) => {
    const mount = path.join(dir, "full");
    const baseSize = fs.statSync(BASE_DB).size;
    const refused = mountTmpfs(mount, `${Math.ceil(baseSize / 1024 / 1024) + 6}m`);
    if (refused) {
      console.warn(`Skipped: ${refused}`);
      context.skip();
    }
    const database = path.join(mount, "leertuin.sqlite");
    fs.copyFileSync(BASE_DB, database);
    const server = await startServerProcess({
      database,
      log: path.join(dir, "full.log"),
      env: { POSTING_RATE_LIMIT: "100000", PAGE_CACHE_MB: "16" },
    });
    const filler = path.join(mount, "filler");
    try {
      const post = (to: string, form: Record<string, string>, cookie: string) =>
        fetch(server.url + to, {
          method: "POST",
          redirect: "manual",
          headers: { "content-type": "application/x-www-form-urlencoded", origin: server.url, cookie },
          body: new URLSearchParams(form),
        });
      const login = await post("/inloggen", { email: DEMO.member, password: "leertuin-demo" }, "");
      expect(login.status).toBe(302);
      const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
      const reader = new Database(database, { readonly: true });
      const slug = reader
        .prepare("select slug from dilemmas where status = 'answered' order by id limit 1")
        .pluck()
        .get() as string;
      reader.close();

      // Fill every free block of the file system.
      const fd = fs.openSync(filler, "w");
      const chunk = Buffer.alloc(256 * 1024, 1);
      try {
        for (;;) fs.writeSync(fd, chunk);
      } catch (error) {
        expect((error as NodeJS.ErrnoException).code).toBe("ENOSPC");
      } finally {
        fs.closeSync(fd);
      }

      const acknowledged: string[] = [];
      let refusal: Response | undefined;
      for (let i = 0; i < 400 && !refusal; i++) {
        const body = `Schijf-vol-proef ${i}: ${"bij ons bespreken we dit eerst met de ouders. ".repeat(40)}`;
        const response = await post(`/dilemmas/${slug}`, { intent: "comment", body }, cookie);
        if (response.status === 200 && (await response.text()).includes("Uw reactie is geplaatst"))
          acknowledged.push(body);
        else if (response.status === 507) refusal = response;
        else throw new Error(`a comment on a full disk answered ${response.status}`);
      }
      expect(refusal, "no write met the full disk").toBeDefined();
      expect(refusal!.headers.get("retry-after")).toMatch(/^\d+$/);
      const page = await refusal!.text();
      expect(page).toContain("de opslag van Leertuin is op dit moment vol");
      expect(page).toContain("Schijf-vol-proef");
      expect(page).toContain("Opnieuw versturen");

      // Reads go on: the public and the member's pages, and search.
      for (const to of ["/", `/dilemmas/${slug}`, "/zoeken?q=school", "/api/search?q=school"]) {
        const response = await fetch(server.url + to, { headers: { cookie } });
        expect(response.status, to).toBe(200);
      }

      // Space returns: the next write works without a restart.
      fs.rmSync(filler);
      const after = await post(
        `/dilemmas/${slug}`,
        { intent: "comment", body: "Na het opruimen: het werkt weer." },
        cookie,
      );
      expect(after.status).toBe(200);
      expect(await after.text()).toContain("Uw reactie is geplaatst");
      acknowledged.push("Na het opruimen: het werkt weer.");

      const db = new Database(database, { readonly: true });
      try {
        expect(db.pragma("quick_check", { simple: true })).toBe("ok");
        const stored = new Set(db.prepare("select body_md from comments").pluck().all() as string[]);
        for (const body of acknowledged) expect(stored.has(body), body.slice(0, 30)).toBe(true);
        // Nothing half-written: every stored comment has its audit entry.
        const orphans = db
          .prepare(
            "select count(*) from comments c where not exists (select 1 from audit_log a where a.target_type = 'comment' and a.target_id = c.id)",
          )
          .pluck()
          .get();
        expect(orphans).toBe(0);
      } finally {
        db.close();
      }
      const log = fs.readFileSync(path.join(dir, "full.log"), "utf8");
      expect(log.match(/Storage full/g)?.length ?? 0).toBe(1);
    } finally {
      fs.rmSync(filler, { force: true });
      await server.stop();
      unmount(mount);
    }
  }, 120_000);
});
