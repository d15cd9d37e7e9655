import fs from "node:fs";
import { performance } from "node:perf_hooks";

import Database from "better-sqlite3";
import { LRUCache } from "lru-cache";

import type { Sector, Verdict } from "~/domain/vocabulary";
import type { Db } from "~/utils/db.server";
import { DirectionColumns } from "./direction-columns.server";
import { type IndexedDoc, loadSearchDocuments, type SearchType, type StoredDoc } from "./documents.server";
import { termsOf } from "./dutch-analysis.server";
import { FacetColumns } from "./facet-columns.server";

/** Column weights for bm25, as lunr's field boosts were: the title and the question say what a record is about. */
export const FIELDS = { title: 10, question: 6, tags: 3, body: 1 } as const;
/** Bump when the analysis or the schema changes: an index file of another format is rebuilt. */
const FORMAT = "fts5-dutch-3";
/** Terms found in at least this many documents are scored ahead of the first query that needs them. */
const WARM_MIN_DOCS = 250;
/** Rows scored per slice of the warm-up, so that a slice never holds up a request for long. */
const WARM_SLICE_ROWS = 8192;
/** Scored rows kept in memory across terms (8 bytes each). */
const MAX_CACHED_ROWS = 24_000_000;
/** Terms whose lists are kept (a small list costs little, but queries bring endless words). */
const MAX_CACHED_TERMS = 200_000;

const SCHEMA = `
  create table if not exists meta (key text primary key, value text not null);
  -- What a result shows and what its facets are; the row id is the document's row in fts.
  create table if not exists docs (
    id integer primary key autoincrement, ref text not null unique, dilemma_id integer, type text not null,
    slug text not null, url text not null, title text not null, question text not null, tags text not null,
    body text not null, region text, region_name text, verdict text, themes text not null, sectors text not null,
    -- Which way the information goes: the holding sector and the asking sectors (JSON); null for articles.
    holder text, asking text,
    -- How many terms the document has in fts (bm25's document length).
    tokens integer not null
  );
  create index if not exists docs_dilemma on docs (dilemma_id);
  -- Covers the titles read for suggestions, so that reading them skips the bodies.
  create index if not exists docs_titles on docs (type, title, url);
  -- The analysed terms (Dutch stems) of each field; the text itself lives in docs.
  create virtual table if not exists fts using fts5(
    title, question, tags, body, content = '', tokenize = 'unicode61 remove_diacritics 0'
  );
  create virtual table if not exists fts_terms using fts5vocab(fts, 'row');
`;

/** The newest audit-log entry an index reflects; the stamp tells a replaced database from a grown one. */
export interface AuditMark {
  id: number;
  stamp: string;
}

const STAMP = `created_at || ' ' || action || ' ' || target_type || ' ' || target_id`;

export function auditMark(db: Db): AuditMark {
  const row = db.$client.prepare(`select id, ${STAMP} as stamp from audit_log order by id desc limit 1`).get() as
    AuditMark | undefined;
  return row ?? { id: 0, stamp: "" };
}

/** The audit log since `mark`, or null when the entry at `mark` is not the one the index saw (another database). */
export function auditSince(db: Db, mark: AuditMark): { head: number; entries: AuditEntryRow[] } | null {
  const row = db.$client
    .prepare(
      `select (select ifnull(max(id), 0) from audit_log) as head, (select ${STAMP} from audit_log where id = ?) as stamp`,
    )
    .get(mark.id) as { head: number; stamp: string | null };
  if (mark.id > 0 ? row.stamp !== mark.stamp : false) return null;
  if (row.head < mark.id) return null;
  if (row.head === mark.id) return { head: row.head, entries: [] };
  const entries = db.$client
    .prepare(
      `select id, action, target_type as targetType, target_id as targetId, ${STAMP} as stamp from audit_log where id > ? order by id`,
    )
    .all(mark.id) as AuditEntryRow[];
  return { head: row.head, entries };
}

export interface AuditEntryRow {
  id: number;
  action: string;
  targetType: string;
  targetId: string;
  stamp: string;
}

/** What a result shows. */
export type ShownDoc = Omit<StoredDoc, "themes" | "sectors">;

interface ShownRow {
  id: number;
  type: ShownDoc["type"];
  slug: string;
  url: string;
  title: string;
  body: string;
  region: string | null;
  regionName: string | null;
  verdict: Verdict | null;
  holder: Sector | null;
  asking: string | null;
}

/** The rows a term is found in (ascending) and each row's bm25 score for the term. */
export interface TermList {
  rows: Int32Array;
  scores: Float32Array;
}

export interface SearchIndexStats {
  documents: number;
  buildMs: number;
}

const COLUMN_WEIGHTS = Object.values(FIELDS);
const BM25 = `bm25(fts, ${COLUMN_WEIGHTS.map((w) => w.toFixed(1)).join(", ")})`;

/**
 * SQLite FTS5 over Dutch-analysed text in a derived file beside the database. Each term's scored rows
 * are kept in memory once read, so a query combines arrays instead of scoring every match again.
 */
export class SearchIndex {
  readonly facets = new FacetColumns();
  readonly directions = new DirectionColumns();
  maxRow = 0;
  mark: AuditMark;
  readonly buildMs: number;
  /** bm25's corpus statistics, kept for scoring documents added by an update. */
  private rowCount = 0;
  private tokenCount = 0;
  private readonly lists = termListCache();
  /** Counts the updates, so that a warm-up slice read before one is not used after it. */
  private updates = 0;
  /** Every term of the index, once the warm-up has read them (typo lookups); null until then. */
  private vocabulary: Set<string> | null = null;
  private closed = false;
  private readonly listStatement: Database.Statement;
  private readonly knownStatement: Database.Statement;
  private readonly docsStatement: Database.Statement;

  constructor(readonly sqlite: Database.Database) {
    const meta = Object.fromEntries(
      (sqlite.prepare("select key, value from meta").all() as { key: string; value: string }[]).map((r) => [
        r.key,
        r.value,
      ]),
    );
    if (meta.format !== FORMAT) throw new Error(`search index format ${meta.format ?? "none"}, expected ${FORMAT}`);
    this.mark = { id: Number(meta.auditId), stamp: meta.auditStamp ?? "" };
    this.buildMs = Number(meta.buildMs);
    for (const row of sqlite
      .prepare("select id, type, region, verdict, themes, sectors, holder, asking, tokens from docs")
      .iterate() as Iterable<FacetRow>) {
      this.facets.set(row.id, facetValues(row));
      this.directions.set(
        row.id,
        row.holder ?? undefined,
        row.asking ? (JSON.parse(row.asking) as Sector[]) : undefined,
      );
      this.maxRow = Math.max(this.maxRow, row.id);
      this.rowCount++;
      this.tokenCount += row.tokens;
    }
    this.listStatement = sqlite
      .prepare(`select rowid, -${BM25} from fts where fts match ? and rowid >= ? and rowid < ? order by rowid`)
      .raw();
    this.knownStatement = sqlite
      .prepare("select term from fts_terms where term in (select value from json_each(?))")
      .pluck();
    this.docsStatement = sqlite.prepare(
      `select id, type, slug, url, title, body, region, region_name as regionName, verdict, holder, asking from docs where id in (select value from json_each(?))`,
    );
  }

  close() {
    this.closed = true;
    this.sqlite.close();
  }

  /** The rows that contain the term, each with its score: from memory, else from FTS5 (then kept). */
  termList(term: string): TermList {
    const cached = this.lists.get(term);
    if (cached) return cached;
    const list = this.readList(term, 0, this.maxRow + 1);
    this.lists.set(term, list);
    return list;
  }

  private readList(term: string, from: number, to: number): TermList {
    const found = this.listStatement.all(`"${term}"`, from, to) as [number, number][];
    const rows = new Int32Array(found.length);
    const scores = new Float32Array(found.length);
    found.forEach(([row, score], i) => {
      rows[i] = row;
      scores[i] = score;
    });
    return { rows, scores };
  }

  /** Forgets the scored rows held in memory (benchmarks measure the first query this way). */
  forgetTermLists() {
    this.lists.clear();
  }

  /** Which of these terms the index holds (typo tolerance looks up a word's neighbours). */
  knownTerms(terms: string[]): string[] {
    const vocabulary = this.vocabulary;
    if (vocabulary) return terms.filter((term) => vocabulary.has(term));
    return this.knownStatement.all(JSON.stringify(terms)) as string[];
  }

  /** What the results show, for the rows of one page. */
  storedDocs(rows: number[]): Map<number, ShownDoc> {
    const found = this.docsStatement.all(JSON.stringify(rows)) as ShownRow[];
    return new Map(
      found.map(({ id, region, regionName, verdict, holder, asking, ...row }) => [
        id,
        {
          ...row,
          ...(region ? { region, regionName: regionName ?? region } : {}),
          ...(verdict ? { verdict } : {}),
          ...(holder ? { holder, asking: asking ? (JSON.parse(asking) as Sector[]) : [] } : {}),
        },
      ]),
    );
  }

  /**
   * Replaces the documents of these dilemmas with `docs` (their current state) and moves the index's
   * audit mark, in one transaction. The term lists in memory are patched: removed rows taken out, new
   * rows scored with FTS5's bm25 formula and the index's current statistics.
   */
  replaceDilemmas(dilemmaIds: number[], docs: IndexedDoc[], mark: AuditMark) {
    const { removed, added } = this.sqlite.transaction(() => {
      const old = (
        this.sqlite
          .prepare(
            "select id, title, question, tags, body, tokens from docs where dilemma_id in (select value from json_each(?))",
          )
          .all(JSON.stringify(dilemmaIds)) as {
          id: number;
          title: string;
          question: string;
          tags: string;
          body: string;
          tokens: number;
        }[]
      ).map((row) => ({ row: row.id, tokens: row.tokens, analysed: analyseFields(row) }));
      // A contentless table forgets a row when told the terms it held: its statistics stay exact.
      const deleteFts = this.sqlite.prepare(
        "insert into fts (fts, rowid, title, question, tags, body) values ('delete', ?, ?, ?, ?, ?)",
      );
      const deleteDoc = this.sqlite.prepare("delete from docs where id = ?");
      for (const { row, analysed } of old) {
        deleteFts.run(row, ...analysed.fields.map((terms) => terms.join(" ")));
        deleteDoc.run(row);
      }
      const inserted = insertDocuments(this.sqlite, docs);
      writeMeta(this.sqlite, { auditId: String(mark.id), auditStamp: mark.stamp });
      return { removed: old, added: inserted };
    })();
    // Each cached list that holds a removed row or a term of an added row is copied once.
    const changes = new Map<string, { removed: number[]; added: { row: number; weight: number; tokens: number }[] }>();
    const change = (term: string) => {
      let entry = changes.get(term);
      if (!entry) changes.set(term, (entry = { removed: [], added: [] }));
      return entry;
    };
    for (const { row, tokens, analysed } of removed) {
      this.facets.delete(row);
      this.directions.delete(row);
      this.rowCount--;
      this.tokenCount -= tokens;
      for (const term of analysed.weights.keys()) if (this.lists.has(term)) change(term).removed.push(row);
    }
    for (const { row, doc, analysed } of added) {
      this.facets.set(row, doc);
      this.directions.set(row, doc.holder, doc.asking);
      this.maxRow = Math.max(this.maxRow, row);
      this.rowCount++;
      this.tokenCount += analysed.tokens;
      for (const [term, weight] of analysed.weights) {
        this.vocabulary?.add(term);
        if (this.lists.has(term)) change(term).added.push({ row, weight, tokens: analysed.tokens });
      }
    }
    const averageTokens = this.tokenCount / Math.max(1, this.rowCount);
    for (const [term, { removed: gone, added: rows }] of changes) {
      // Setting a patched list may evict one patched before it.
      const list = this.lists.peek(term);
      if (!list) continue;
      const kept = withoutRows(list, gone);
      const hits = kept.rows.reduce((n, part) => n + part.length, 0) + rows.length;
      // New rows have the highest ids: they go at the end, and the list stays sorted. A new object, so
      // the cache counts its new size.
      this.lists.set(term, {
        rows: joined(Int32Array, [...kept.rows, Int32Array.from(rows, (r) => r.row)]),
        scores: joined(Float32Array, [
          ...kept.scores,
          Float32Array.from(rows, (r) => bm25(r.weight, r.tokens, hits, this.rowCount, averageTokens)),
        ]),
      });
    }
    this.mark = mark;
    this.updates++;
  }

  /** Changes with every update of the documents (not with audit entries that changed nothing). */
  get version(): number {
    return this.updates;
  }

  /** Moves the audit mark past entries that changed nothing searchable (kept in memory only). */
  advanceMark(mark: AuditMark) {
    this.mark = mark;
  }

  /**
   * Reads the lists of the frequent terms in slices between requests, so that even the first query
   * for a common word combines lists instead of scoring thousands of documents.
   */
  async warmUp(): Promise<void> {
    const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));
    const frequent: string[] = [];
    const vocabulary = new Set<string>();
    const updates = this.updates;
    const batch = this.sqlite.prepare("select term, doc from fts_terms where term > ? order by term limit 500").raw();
    for (let after = ""; ;) {
      if (this.closed) return;
      const rows = batch.all(after) as [string, number][];
      if (rows.length === 0) break;
      for (const [term, docs] of rows) {
        vocabulary.add(term);
        if (docs >= WARM_MIN_DOCS) frequent.push(`${String(docs).padStart(10, "0")} ${term}`);
      }
      after = rows.at(-1)![0];
      await yieldToRequests();
    }
    // Terms added by an update while the vocabulary was read are found by SQL until the next warm-up.
    if (this.updates === updates) this.vocabulary = vocabulary;
    frequent.sort().reverse();
    for (const entry of frequent) {
      const term = entry.slice(11);
      if (this.lists.has(term)) continue;
      const parts: TermList[] = [];
      const updates = this.updates;
      const maxRow = this.maxRow;
      for (let from = 0; from <= maxRow; from += WARM_SLICE_ROWS) {
        if (this.closed) return;
        parts.push(this.readList(term, from, from + WARM_SLICE_ROWS));
        await yieldToRequests();
      }
      // An update between the slices: the list is read again when a query needs it.
      if (this.closed || this.updates !== updates || this.lists.has(term)) continue;
      if (this.lists.calculatedSize >= MAX_CACHED_ROWS) return;
      this.lists.set(term, {
        rows: joined(
          Int32Array,
          parts.map((p) => p.rows),
        ),
        scores: joined(
          Float32Array,
          parts.map((p) => p.scores),
        ),
      });
    }
  }
}

/** The scored lists kept in memory: the least recently used go first beyond `maxRows` rows or `maxTerms` terms. */
export function termListCache({ maxRows = MAX_CACHED_ROWS, maxTerms = MAX_CACHED_TERMS } = {}) {
  // lru-cache sizes must be positive: an empty list counts as one row.
  return new LRUCache<string, TermList>({
    max: maxTerms,
    maxSize: maxRows,
    sizeCalculation: (list) => Math.max(1, list.rows.length),
  });
}

/** FTS5's bm25 (fts5_aux.c) for one term and one document: k1 = 1.2, b = 0.75, idf floored at 1e-6. */
export function bm25(weight: number, tokens: number, hits: number, rows: number, averageTokens: number): number {
  const idf = Math.max(1e-6, Math.log((rows - hits + 0.5) / (hits + 0.5)));
  return (idf * (weight * 2.2)) / (weight + 1.2 * (0.25 + (0.75 * tokens) / averageTokens));
}

interface FacetRow {
  id: number;
  type: SearchType;
  region: string | null;
  verdict: Verdict | null;
  themes: string;
  sectors: string;
  holder: Sector | null;
  asking: string | null;
  tokens: number;
}

function facetValues(row: FacetRow) {
  return {
    type: row.type,
    ...(row.region ? { region: row.region } : {}),
    ...(row.verdict ? { verdict: row.verdict } : {}),
    themes: JSON.parse(row.themes) as string[],
    sectors: JSON.parse(row.sectors) as StoredDoc["sectors"],
  };
}

/** The pieces of the list between these rows (each found by a binary search), as views. */
function withoutRows(list: TermList, rows: number[]): { rows: Int32Array[]; scores: Float32Array[] } {
  const at = rows
    .map((row) => {
      let low = 0;
      let high = list.rows.length - 1;
      while (low <= high) {
        const mid = (low + high) >>> 1;
        if (list.rows[mid] === row) return mid;
        if (list.rows[mid]! < row) low = mid + 1;
        else high = mid - 1;
      }
      return -1;
    })
    .filter((i) => i >= 0)
    .sort((x, y) => x - y);
  const rowParts: Int32Array[] = [];
  const scoreParts: Float32Array[] = [];
  let from = 0;
  for (const i of [...at, list.rows.length]) {
    rowParts.push(list.rows.subarray(from, i));
    scoreParts.push(list.scores.subarray(from, i));
    from = i + 1;
  }
  return { rows: rowParts, scores: scoreParts };
}

/** The parts one after another in a new array of the same kind. */
function joined<T extends Int32Array | Float32Array>(Kind: new (length: number) => T, parts: T[]): T {
  const out = new Kind(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function writeMeta(sqlite: Database.Database, values: Record<string, string>) {
  const upsert = sqlite.prepare(
    "insert into meta (key, value) values (?, ?) on conflict (key) do update set value = excluded.value",
  );
  for (const [key, value] of Object.entries(values)) upsert.run(key, value);
}

/** A document's terms per field, each term's weighted count (bm25's f(q, D)) and its length in terms. */
function analyseFields(doc: Pick<IndexedDoc, "title" | "question" | "tags" | "body">) {
  const fields = [doc.title, doc.question, doc.tags, doc.body].map(termsOf);
  const weights = new Map<string, number>();
  fields.forEach((terms, column) => {
    for (const term of terms) weights.set(term, (weights.get(term) ?? 0) + COLUMN_WEIGHTS[column]!);
  });
  return { fields, weights, tokens: fields.reduce((n, terms) => n + terms.length, 0) };
}

function insertDocuments(sqlite: Database.Database, docs: IndexedDoc[]) {
  const insertDoc = sqlite.prepare(
    `insert into docs (ref, dilemma_id, type, slug, url, title, question, tags, body, region, region_name, verdict, themes, sectors, holder, asking, tokens)
     values (@ref, @dilemmaId, @type, @slug, @url, @title, @question, @tags, @body, @region, @regionName, @verdict, @themes, @sectors, @holder, @asking, @tokens)
     returning id`,
  );
  const insertFts = sqlite.prepare("insert into fts (rowid, title, question, tags, body) values (?, ?, ?, ?, ?)");
  return docs.map((doc) => {
    const analysed = analyseFields(doc);
    const { id } = insertDoc.get({
      ...doc,
      region: doc.region ?? null,
      regionName: doc.regionName ?? null,
      verdict: doc.verdict ?? null,
      themes: JSON.stringify(doc.themes),
      sectors: JSON.stringify(doc.sectors),
      holder: doc.holder ?? null,
      asking: doc.holder ? JSON.stringify(doc.asking ?? []) : null,
      tokens: analysed.tokens,
    }) as { id: number };
    insertFts.run(id, ...analysed.fields.map((terms) => terms.join(" ")));
    return { row: id, doc, analysed };
  });
}

/**
 * A file being built needs no journal: a crash throws the temporary file away. The index in use commits
 * in WAL mode without waiting for the disk: a power cut loses only updates the audit log brings back.
 */
function openIndexDatabase(file: string, use: "build" | "serve"): Database.Database {
  const sqlite = new Database(file);
  if (file !== ":memory:") {
    sqlite.pragma(use === "build" ? "journal_mode = OFF" : "journal_mode = WAL");
    sqlite.pragma(use === "build" ? "synchronous = OFF" : "synchronous = NORMAL");
  }
  // Serving reads result rows and the odd term list: 8 MB of pages is plenty, and every worker keeps its own.
  sqlite.pragma(use === "build" ? "cache_size = -32000" : "cache_size = -8000");
  return sqlite;
}

/** Fills an empty index database from the application database, as of one consistent snapshot. */
function fillIndex(db: Db, sqlite: Database.Database): SearchIndexStats {
  const started = performance.now();
  // One read transaction: the documents and the audit mark belong to the same moment.
  const { docs, mark } = db.$client.transaction(() => ({ docs: loadSearchDocuments(db), mark: auditMark(db) }))();
  sqlite.exec(SCHEMA);
  sqlite.transaction(() => {
    insertDocuments(sqlite, docs);
    sqlite.exec("insert into fts (fts) values ('optimize')");
    writeMeta(sqlite, { format: FORMAT, auditId: String(mark.id), auditStamp: mark.stamp, buildMs: "0" });
  })();
  const buildMs = performance.now() - started;
  writeMeta(sqlite, { buildMs: String(Math.round(buildMs)) });
  return { documents: docs.length, buildMs };
}

/** Builds an index in memory (tests, benchmarks). */
export function buildSearchIndex(db: Db): SearchIndex {
  const sqlite = openIndexDatabase(":memory:", "serve");
  fillIndex(db, sqlite);
  return new SearchIndex(sqlite);
}

/** Writes a complete index file at `file`, which must not exist yet (the caller moves it into place). */
export function writeSearchIndexFile(db: Db, file: string): SearchIndexStats {
  const sqlite = openIndexDatabase(file, "build");
  try {
    const stats = fillIndex(db, sqlite);
    sqlite.close();
    // On disk before it is renamed into place.
    const fd = fs.openSync(file, "r+");
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    return stats;
  } catch (error) {
    if (sqlite.open) sqlite.close();
    fs.rmSync(file, { force: true });
    throw error;
  }
}

/** Opens an index file; null when it is missing, unreadable or of another format. */
export function openSearchIndex(file: string): SearchIndex | null {
  if (!fs.existsSync(file)) return null;
  let sqlite: Database.Database | null = null;
  try {
    sqlite = openIndexDatabase(file, "serve");
    return new SearchIndex(sqlite);
  } catch {
    sqlite?.close();
    return null;
  }
}

/** The index file beside the database: `db/leertuin.sqlite` → `db/leertuin.search.sqlite`. */
export function searchIndexPath(databasePath: string): string {
  return `${databasePath.replace(/\.(sqlite3?|db)$/, "")}.search.sqlite`;
}
