import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { afterAll, expect, it } from "vitest";

import { migrateDatabase, openDatabase } from "../../db/client.server";
import { TMP_DIR } from "../support/paths";

// Migration 0004 rebuilds dilemmas, organisations and dilemma_asking_sectors to widen their sector CHECKs.
// Dropping `dilemmas` with foreign keys on would cascade into answers and their versions: this proves it does not.

const dir = path.join(TMP_DIR, `migration-sectors-${crypto.randomUUID()}`);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function migrationsUpTo(tag: string): string {
  const folder = path.join(dir, "migrations-before");
  fs.cpSync("db/migrations", folder, { recursive: true });
  const journalFile = path.join(folder, "meta", "_journal.json");
  const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as { entries: { tag: string }[] };
  const last = journal.entries.findIndex((e) => e.tag === tag);
  journal.entries = journal.entries.slice(0, last + 1);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

it("0004 keeps every row and foreign key of a filled database and accepts the new sectors", () => {
  fs.mkdirSync(dir, { recursive: true });
  const db = openDatabase(path.join(dir, "db.sqlite"));
  const sqlite = db.$client;
  migrateDatabase(db, migrationsUpTo("0003_list_indexes"));

  sqlite.exec(`
    insert into regions (id, slug, name, province, since) values (1, 'r', 'Regio', 'Zeeland', '2015-01-01');
    insert into organisations (region_id, name, sector) values (1, 'Een gemeente', 'gemeente');
    insert into themes (slug, label) values ('t', 'Thema');
    insert into dilemmas (id, slug, title, question, situation_md, holder_sector, origin_region_id, status, raised_on, merged_into_id)
      values (1, 'd', 'Titel', 'Vraag?', 'Situatie', 'onderwijs', 1, 'answered', '2020-01-01', null),
             (2, 'd2', 'Titel 2', 'Vraag 2?', 'Situatie', 'zorg', 1, 'merged', '2020-01-02', 1);
    insert into dilemma_themes (dilemma_id, theme_slug) values (1, 't');
    insert into dilemma_asking_sectors (dilemma_id, sector) values (1, 'wijkteam');
    insert into answers (id, dilemma_id, region_id) values (1, 1, 1);
    insert into answer_versions (answer_id, version, verdict, route, grounding_md, purpose_md, necessity_md,
      proportionality_md, agreement_md, agreed_on, published_at)
      values (1, 1, 'delen', 'toestemming', 'g', 'p', 'n', 'pr', 'a', '2020-02-01', '2020-02-01T00:00:00Z');
  `);
  const count = (table: string) => (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  const before = [
    "dilemmas",
    "organisations",
    "dilemma_themes",
    "dilemma_asking_sectors",
    "answers",
    "answer_versions",
  ].map((t) => [t, count(t)]);

  migrateDatabase(db);

  expect(before.map(([t]) => [t, count(t as string)])).toEqual(before);
  expect(sqlite.pragma("foreign_key_check")).toEqual([]);
  expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
  expect(sqlite.prepare("select merged_into_id from dilemmas where id = 2").get()).toEqual({ merged_into_id: 1 });
  expect(sqlite.prepare("select unverified from answer_versions").get()).toEqual({ unverified: "[]" });

  // The new sectors are accepted, an unknown one is still refused, and the cascade still works.
  sqlite.exec(`
    insert into dilemma_asking_sectors (dilemma_id, sector) values (1, 'kinderopvang'), (1, 'jeugdbescherming');
    update dilemmas set holder_sector = 'jeugdreclassering' where id = 1;
  `);
  expect(() => sqlite.exec("insert into organisations (region_id, name, sector) values (1, 'X', 'kapper')")).toThrow(
    /CHECK constraint failed/,
  );
  sqlite.exec("delete from dilemmas where id = 2; delete from dilemmas where id = 1");
  expect(count("answer_versions")).toBe(0);
  sqlite.close();
});
