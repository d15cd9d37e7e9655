import fs from "node:fs";
import { performance } from "node:perf_hooks";

import type lunr from "lunr";

import type { Db } from "~/utils/db.server";

import { loadSearchDocuments, type StoredDoc } from "./documents.server";
import { dutchLunr, useDutch } from "./lunr-dutch.server";

/** Field boosts: the title and the question say what a record is about. */
const FIELDS = { title: 10, question: 6, tags: 3, body: 1 } as const;

export interface SearchIndex {
  fingerprint: string;
  /** How long the last build took; decides whether the next one may run inside a request. */
  buildMs: number;
  index: lunr.Index;
  store: Map<string, StoredDoc>;
}

interface SerialisedIndex {
  lunrVersion: string;
  fingerprint: string;
  buildMs: number;
  index: object;
  store: [string, StoredDoc][];
}

/**
 * What the index was built from. Every write appends to the audit log in its own transaction, so the
 * newest audit entry about content (with the number of public records) changes whenever searchable
 * content does; log-ins and account changes do not count.
 */
export function searchFingerprint(db: Db): string {
  const row = db.$client
    .prepare(
      `select (select ifnull(max(id), 0) from audit_log where action not like 'auth.%' and action not like 'account.%'
                and action not like 'membership.%') as audit,
              (select count(*) from dilemmas where status = 'answered') as dilemmas,
              (select count(*) from current_answer_versions) as answers,
              (select count(*) from articles) as articles`,
    )
    .get() as Record<string, number>;
  return `${row.audit}:${row.dilemmas}:${row.answers}:${row.articles}`;
}

export function buildSearchIndex(db: Db): SearchIndex {
  const started = performance.now();
  const fingerprint = searchFingerprint(db);
  const docs = loadSearchDocuments(db);
  const lunrInstance = dutchLunr();
  const index = lunrInstance(function () {
    useDutch(this);
    this.ref("ref");
    for (const [field, boost] of Object.entries(FIELDS)) this.field(field, { boost });
    this.metadataWhitelist = ["position"];
    for (const doc of docs) this.add(doc);
  });
  const store = new Map(docs.map(({ ref, question: _question, tags: _tags, ...stored }) => [ref, stored]));
  return { fingerprint, index, store, buildMs: performance.now() - started };
}

export function serialiseSearchIndex(search: SearchIndex): string {
  const data: SerialisedIndex = {
    lunrVersion: dutchLunr().version,
    fingerprint: search.fingerprint,
    buildMs: search.buildMs,
    index: search.index.toJSON(),
    store: [...search.store],
  };
  return JSON.stringify(data);
}

/** Loads a serialised index; null when it is missing, unreadable or from another lunr version. */
export function loadSerialisedIndex(file: string): SearchIndex | null {
  if (!fs.existsSync(file)) return null;
  try {
    const data = JSON.parse(fs.readFileSync(file, "utf8")) as SerialisedIndex;
    const lunrInstance = dutchLunr();
    if (data.lunrVersion !== lunrInstance.version) return null;
    return { fingerprint: data.fingerprint, index: lunrInstance.Index.load(data.index), store: new Map(data.store), buildMs: data.buildMs };
  } catch {
    return null;
  }
}

/** Builds and writes the index file unless the one on disk is current (used at start). */
export function ensureSearchIndexFile(db: Db, databasePath: string): "current" | "built" {
  const file = searchIndexPath(databasePath);
  if (loadSerialisedIndex(file)?.fingerprint === searchFingerprint(db)) return "current";
  writeSearchIndexFile(file, buildSearchIndex(db));
  return "built";
}

/** Writes atomically: a crash mid-write leaves the previous file, never half of one. */
export function writeSearchIndexFile(file: string, search: SearchIndex) {
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, serialiseSearchIndex(search));
  fs.renameSync(temp, file);
}

/** The index file beside the database: `db/leertuin.sqlite` → `db/leertuin.search-index.json`. */
export function searchIndexPath(databasePath: string): string {
  return `${databasePath.replace(/\.(sqlite3?|db)$/, "")}.search-index.json`;
}
