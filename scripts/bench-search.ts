// npm run bench:search — lunr against SQLite FTS5 over the same synthetic library, at several sizes.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

import YAML from "yaml";

import { migrateDatabase, openDatabase } from "../db/client.server";
import { importContent } from "../app/content/import-content.server";
import { contentRoot } from "../app/content/content-root.server";
import { readContent } from "../app/content/read-content.server";
import { loadSearchDocuments } from "../app/search/documents.server";
import { buildSynonymIndex, queryWords } from "../app/search/query";
import { buildSearchIndex, loadSerialisedIndex, writeSearchIndexFile } from "../app/search/search-index.server";
import { search } from "../app/search/search.server";

import { generateLibrary } from "./generate-library";

const SIZES = (process.env.BENCH_SIZES ?? "1000,10000,50000").split(",").map(Number);
const QUERIES = [
  "school", "beroepsgeheim huisarts", "mag de school het wijkteam bellen", "veilig thuis melden", "VT", "toestemming ouders 13 jaar",
  "huurachterstand", "verwarde man politie", "schuldhulp gezin", "gedeeld met de leerkracht", "radicaliserng", "AVG grondslag",
  "dossier gemeente", "jeugdbescherming ggz", "huiselijk geweld casusoverleg", "zorgen over een leerling", "één gezin één plan",
  "pleegouders", "dementie alleen thuis", "beveiligd mailen",
];
const ROUNDS = 5;

const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))]!;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;

const synonyms = buildSynonymIndex(YAML.parse(fs.readFileSync(path.join(contentRoot(), "synonyms.yml"), "utf8")) as string[][]);
const rows: Record<string, string | number>[] = [];

for (const size of SIZES) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "leertuin-bench-"));
  const db = openDatabase(path.join(dir, "bench.sqlite"));
  migrateDatabase(db);
  importContent(db, readContent(contentRoot()));
  generateLibrary(db, size);
  const docs = loadSearchDocuments(db).length;

  let started = performance.now();
  const built = buildSearchIndex(db);
  const buildMs = performance.now() - started;
  const file = path.join(dir, "index.json");
  writeSearchIndexFile(file, built);
  const bytes = fs.statSync(file).size;
  started = performance.now();
  const loaded = loadSerialisedIndex(file)!;
  const loadMs = performance.now() - started;
  const rss = process.memoryUsage().rss;

  const lunrTimes: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const query of QUERIES) {
      const t = performance.now();
      search(loaded, synonyms, { query, page: 1, pageSize: 10 });
      lunrTimes.push(performance.now() - t);
    }
  }

  // FTS5 over the same documents and fields, with the same field weights and accent folding.
  const sqlite = db.$client;
  sqlite.exec(`create virtual table fts using fts5(ref unindexed, title, question, tags, body, tokenize = 'unicode61 remove_diacritics 2')`);
  const insert = sqlite.prepare("insert into fts (ref, title, question, tags, body) values (?, ?, ?, ?, ?)");
  sqlite.transaction(() => {
    for (const doc of loadSearchDocuments(db)) insert.run(doc.ref, doc.title, doc.question, doc.tags, doc.body);
  })();
  const ftsQuery = sqlite.prepare("select ref, bm25(fts, 10.0, 6.0, 3.0, 1.0) as rank from fts where fts match ? order by rank limit 10");
  const ftsTimes: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const query of QUERIES) {
      const match = queryWords(query).map((w) => `"${w}"`).join(" OR ");
      const t = performance.now();
      if (match) ftsQuery.all(match);
      ftsTimes.push(performance.now() - t);
    }
  }

  const row = {
    dilemmas: size,
    documents: docs,
    "build": ms(buildMs),
    "index file": mb(bytes),
    "load": ms(loadMs),
    "rss": mb(rss),
    "lunr p50": ms(quantile(lunrTimes, 0.5)),
    "lunr p95": ms(quantile(lunrTimes, 0.95)),
    "fts5 p50": ms(quantile(ftsTimes, 0.5)),
    "fts5 p95": ms(quantile(ftsTimes, 0.95)),
    "p95 lunr/fts5": `${(quantile(lunrTimes, 0.95) / quantile(ftsTimes, 0.95)).toFixed(1)}×`,
  };
  rows.push(row);
  console.log(JSON.stringify(row));
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

console.log("");
console.table(rows);
console.log("Targets: lunr p95 under 10 ms at 10k dilemmas, under 50 ms at 50k.");
