// npm run bench:search — Leertuin's search (SQLite FTS5 over Dutch-analysed text, term lists in memory)
// against a plain SQLite FTS5 query over the same library, at several sizes. Prints each size's table as
// it finishes, then all of them. Query times are taken after one untimed round of the same queries (as
// in a server that has answered a few searches); "first query" times each query with no term list in
// memory (right after a start or a rebuild, before the warm-up has read them).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

import YAML from "yaml";

import { contentRoot } from "../app/content/content-root.server";
import { importContent } from "../app/content/import-content.server";
import { readContent } from "../app/content/read-content.server";
import { buildSynonymIndex, queryWords } from "../app/search/query";
import { search } from "../app/search/search.server";
import { applyAuditLog } from "../app/search/search-cache.server";
import { openSearchIndex, type SearchIndex, writeSearchIndexFile } from "../app/search/search-index.server";
import { nearestQuery, suggest } from "../app/search/suggestions.server";
import { migrateDatabase, openDatabase } from "../db/client.server";
import { generateLibrary } from "./generate-library";

const SIZES = (process.env.BENCH_SIZES ?? "1000,10000,50000").split(",").map(Number);
const QUERIES = [
  "school",
  "beroepsgeheim huisarts",
  "mag de school het wijkteam bellen",
  "veilig thuis melden",
  "VT",
  "toestemming ouders 13 jaar",
  "huurachterstand",
  "verwarde man politie",
  "schuldhulp gezin",
  "gedeeld met de leerkracht",
  "radicaliserng",
  "AVG grondslag",
  "dossier gemeente",
  "jeugdbescherming ggz",
  "huiselijk geweld casusoverleg",
  "zorgen over een leerling",
  "één gezin één plan",
  "pleegouders",
  "dementie alleen thuis",
  "beveiligd mailen",
];
const ROUNDS = 5;
/** Typed one keystroke at a time for the suggestions (from the second letter on, as the search box asks). */
const TYPED = [
  "huurachterstand woningcorporatie",
  "mag ik de wijkcoach vertellen",
  "IB'er zorgen leerling",
  "veilig thuis melden",
  "meldcode stap 3",
  "jeugdbescherming ggz behandelaar",
];
/** Misspelled queries that earn a "Bedoelde u". */
const MISSPELLED = ["jeugdconsulnt", "thuiszittr", "wijkcoatch verzuim", "leerplichtambtenar"];

const quantile = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))]!;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;

const synonyms = buildSynonymIndex(
  YAML.parse(fs.readFileSync(path.join(contentRoot(), "synonyms.yml"), "utf8")) as string[][],
);
const rows: Record<string, string | number>[] = [];

/** Runs every query ROUNDS times; `before` runs untimed before each query. */
function timeQueries(run: (query: string) => void, before: () => void = () => {}) {
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const query of QUERIES) {
      before();
      const started = performance.now();
      run(query);
      times.push(performance.now() - started);
    }
  }
  return times;
}

/** Words found nowhere else (and not one typo apart): each update adds one to an answer. */
const BIRDS = ["kwikstaart", "roerdomp", "zwartkop", "boomklever", "goudhaan"];

/** A write as the app makes it: an answer revised, with its audit entry, in one transaction. */
function reviseOneAnswer(sqlite: ReturnType<typeof openDatabase>["$client"], n: number) {
  sqlite.transaction(() => {
    const id = sqlite
      .prepare("select id from current_answer_versions order by id desc limit 1 offset ?")
      .pluck()
      .get(n * 7) as number;
    sqlite
      .prepare(
        `update answer_versions set agreement_md = agreement_md || ' Besproken in het ${BIRDS[n]}overleg.' where id = ?`,
      )
      .run(id);
    sqlite
      .prepare(
        "insert into audit_log (action, target_type, target_id, summary) values ('answer.revise', 'answer_version', ?, 'bench')",
      )
      .run(String(id));
  })();
}

for (const size of SIZES) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "leertuin-bench-"));
  const db = openDatabase(path.join(dir, "bench.sqlite"));
  migrateDatabase(db);
  importContent(db, readContent(contentRoot()));
  generateLibrary(db, size);

  const file = path.join(dir, "bench.search.sqlite");
  let started = performance.now();
  const built = writeSearchIndexFile(db, file);
  const buildMs = performance.now() - started;
  const bytes = fs.statSync(file).size;
  started = performance.now();
  const index: SearchIndex = openSearchIndex(file)!;
  const loadMs = performance.now() - started;
  started = performance.now();
  await index.warmUp();
  const warmMs = performance.now() - started;
  const rss = process.memoryUsage().rss;

  for (const query of QUERIES) search(index, synonyms, { query, page: 1, pageSize: 10 });
  const searchTimes = timeQueries((query) => search(index, synonyms, { query, page: 1, pageSize: 10 }));
  // The first query after a start or a rebuild, before the warm-up has read the term lists.
  const coldTimes = timeQueries(
    (query) => search(index, synonyms, { query, page: 1, pageSize: 10 }),
    () => index.forgetTermLists(),
  );
  await index.warmUp();
  // Five writes as a facilitator makes them, each applied to the index as the next search would.
  const updateTimes: number[] = [];
  for (let update = 0; update < 5; update++) {
    reviseOneAnswer(db.$client, update);
    started = performance.now();
    const applied = applyAuditLog(db, index);
    updateTimes.push(performance.now() - started);
    if (
      applied !== "updated" ||
      search(index, synonyms, { query: `${BIRDS[update]}overleg`, page: 1, pageSize: 10 }).total !== 1
    ) {
      throw new Error(`the revised answer was not found after the update (${applied})`);
    }
  }
  const afterUpdate = timeQueries((query) => search(index, synonyms, { query, page: 1, pageSize: 10 }));

  // Suggestions per keystroke. The first call reads the titles (later changes are read between requests).
  started = performance.now();
  suggest(index, synonyms, "sc");
  const titlesMs = performance.now() - started;
  const keystrokes: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const text of TYPED) {
      for (let end = 2; end <= text.length; end++) {
        started = performance.now();
        suggest(index, synonyms, text.slice(0, end));
        keystrokes.push(performance.now() - started);
      }
    }
  }
  const corrections = MISSPELLED.map((query) => {
    started = performance.now();
    nearestQuery(index, synonyms, query);
    return performance.now() - started;
  });

  // Plain FTS5 over the same documents and fields, with the same field weights and accent folding,
  // without stemming, synonyms, facets or snippets: what SQLite alone costs.
  const sqlite = db.$client;
  sqlite.exec(`attach database '${file}' as idx`);
  sqlite.exec(
    `create virtual table fts using fts5(title, question, tags, body, tokenize = 'unicode61 remove_diacritics 2')`,
  );
  sqlite.exec(
    "insert into fts (rowid, title, question, tags, body) select id, title, question, tags, body from idx.docs",
  );
  sqlite.exec("detach database idx");
  const ftsQuery = sqlite.prepare(
    "select rowid, bm25(fts, 10.0, 6.0, 3.0, 1.0) as rank from fts where fts match ? order by rank limit 10",
  );
  const ftsTimes = timeQueries((query) => {
    const match = queryWords(query)
      .map((w) => `"${w}"`)
      .join(" OR ");
    if (match) ftsQuery.all(match);
  });

  const row = {
    dilemmas: size,
    documents: built.documents,
    build: ms(buildMs),
    "index file": mb(bytes),
    load: ms(loadMs),
    "warm-up": ms(warmMs),
    rss: mb(rss),
    "search p50": ms(quantile(searchTimes, 0.5)),
    "search p95": ms(quantile(searchTimes, 0.95)),
    "first query p95": ms(quantile(coldTimes, 0.95)),
    "update p50": ms(quantile(updateTimes, 0.5)),
    "p95 after update": ms(quantile(afterUpdate, 0.95)),
    "fts5 p50": ms(quantile(ftsTimes, 0.5)),
    "fts5 p95": ms(quantile(ftsTimes, 0.95)),
    "p95 search/fts5": `${(quantile(searchTimes, 0.95) / quantile(ftsTimes, 0.95)).toFixed(2)}×`,
    keystrokes: keystrokes.length,
    "suggest p50": ms(quantile(keystrokes, 0.5)),
    "suggest p95": ms(quantile(keystrokes, 0.95)),
    "suggest max": ms(Math.max(...keystrokes)),
    "first suggest": ms(titlesMs),
    "bedoelde u max": ms(Math.max(...corrections)),
    // The machine may be shared: the load during the run says how far to trust the times.
    "load avg": os.loadavg()[0]!.toFixed(1),
  };
  rows.push(row);
  console.log(`\n${size} dilemmas:`);
  console.table([row]);
  index.close();
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

console.log("\nAll sizes:");
console.table(rows);
console.log(
  "Targets: search p95 under 10 ms at 10k dilemmas, under 50 ms at 50k; suggestions under 50 ms per keystroke at 10k.",
);
