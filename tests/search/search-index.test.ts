// The index itself: updates in place that score as a rebuild would, and the index file kept current.
import fs from "node:fs";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";
import YAML from "yaml";

import { loadSearchDocuments } from "~/search/documents.server";
import { termsOf } from "~/search/dutch-analysis.server";
import { buildSynonymIndex } from "~/search/query";
import { search } from "~/search/search.server";
import { ensureSearchIndexFile } from "~/search/search-cache.server";
import { auditMark, buildSearchIndex, searchIndexPath, termListCache } from "~/search/search-index.server";
import { openDatabase } from "../../db/client.server";
import { BASE_DB, TMP_DIR } from "../support/paths";

const synonyms = buildSynonymIndex(YAML.parse(fs.readFileSync("content/synonyms.yml", "utf8")) as string[][]);

describe("the term lists kept in memory", () => {
  const list = (rows: number) => ({ rows: new Int32Array(rows), scores: new Float32Array(rows) });

  it("forget the least recently used beyond their row bound", () => {
    const cache = termListCache({ maxRows: 100, maxTerms: 10 });
    cache.set("a", list(40));
    cache.set("b", list(40));
    cache.get("a");
    cache.set("c", list(40));
    expect([...cache.keys()].sort()).toEqual(["a", "c"]);
    expect(cache.calculatedSize).toBe(80);
    // A list larger than the whole bound is not kept, and pushes nothing out.
    cache.set("d", list(101));
    expect([...cache.keys()].sort()).toEqual(["a", "c"]);
  });

  it("forget the least recently used beyond their term bound, counting an empty list as one row", () => {
    const cache = termListCache({ maxRows: 100, maxTerms: 3 });
    for (const term of ["a", "b", "c", "d"]) cache.set(term, list(0));
    expect([...cache.keys()].sort()).toEqual(["b", "c", "d"]);
    expect(cache.calculatedSize).toBe(3);
  });
});

describe("an update of the index", () => {
  const db = openDatabase(BASE_DB);
  afterAll(() => db.$client.close());

  it("scores the documents it adds as FTS5 scores them, and keeps the lists sorted", () => {
    const index = buildSearchIndex(db);
    const dilemma = db.$client
      .prepare("select id from dilemmas where slug = 'onderbuikgevoel-leerkracht-collega'")
      .pluck()
      .get() as number;
    const docs = loadSearchDocuments(db, [dilemma]);
    expect(docs.length).toBeGreaterThan(1);
    const terms = [...new Set(docs.flatMap((doc) => termsOf(`${doc.title} ${doc.question} ${doc.body}`)))];
    // Read (and keep) every list the update will patch.
    for (const term of terms) index.termList(term);
    const before = index.maxRow;

    index.replaceDilemmas([dilemma], docs, auditMark(db));
    const patched = new Map(terms.map((term) => [term, index.termList(term)]));
    index.forgetTermLists();
    for (const [term, list] of patched) {
      const fresh = index.termList(term);
      expect([...list.rows]).toEqual([...fresh.rows]);
      for (let i = 0; i < list.rows.length; i++) {
        if (list.rows[i]! > before) expect(list.scores[i]).toBeCloseTo(fresh.scores[i]!, 4);
      }
    }
    index.close();
  });

  it("finds a dilemma's documents as they are now, and no longer as they were", () => {
    const index = buildSearchIndex(db);
    const dilemma = db.$client
      .prepare("select id from dilemmas where slug = 'dreigende-huisuitzetting-gezin-met-kinderen'")
      .pluck()
      .get() as number;
    const find = (query: string) =>
      search(index, synonyms, { query, page: 1, pageSize: 10 }).results.map((r) => r.slug);
    expect(find("huurachterstand")).toContain("dreigende-huisuitzetting-gezin-met-kinderen");
    const changed = loadSearchDocuments(db, [dilemma]).map((doc) => ({
      ...doc,
      title: "Kwikstaartoverleg",
      question: "",
      body: "Kwikstaartoverleg",
      tags: "",
    }));
    index.replaceDilemmas([dilemma], changed, auditMark(db));
    expect(find("kwikstaartoverleg")).toContain("dreigende-huisuitzetting-gezin-met-kinderen");
    expect(find("huurachterstand")).not.toContain("dreigende-huisuitzetting-gezin-met-kinderen");
    index.replaceDilemmas([dilemma], [], auditMark(db));
    expect(find("kwikstaartoverleg")).toEqual([]);
    index.close();
  });
});

describe("the index file", () => {
  const file = path.join(TMP_DIR, `search-file-${process.pid}.sqlite`);
  fs.copyFileSync(BASE_DB, file);
  const db = openDatabase(file);
  afterAll(() => {
    db.$client.close();
    for (const f of fs.readdirSync(TMP_DIR).filter((name) => name.startsWith(path.basename(file, ".sqlite"))))
      fs.rmSync(path.join(TMP_DIR, f));
  });
  const audit = (action: string, targetType: string, targetId: string | number) =>
    db.$client
      .prepare("insert into audit_log (action, target_type, target_id) values (?, ?, ?)")
      .run(action, targetType, String(targetId));

  it("is built beside the database, then kept: updated from the audit log, rebuilt for changes it cannot place", () => {
    expect(ensureSearchIndexFile(db, file)).toBe("built");
    expect(fs.existsSync(searchIndexPath(file))).toBe(true);
    expect(ensureSearchIndexFile(db, file)).toBe("current");

    const version = db.$client.prepare("select id from current_answer_versions limit 1").pluck().get() as number;
    db.$client.transaction(() => {
      db.$client
        .prepare("update answer_versions set agreement_md = agreement_md || ' Kwikstaartoverleg.' where id = ?")
        .run(version);
      audit("answer.revise", "answer_version", version);
    })();
    audit("auth.login", "user", 1);
    expect(ensureSearchIndexFile(db, file)).toBe("updated");

    audit("content.import", "library", "content");
    expect(ensureSearchIndexFile(db, file)).toBe("built");
    expect(ensureSearchIndexFile(db, file)).toBe("current");
  });
});
