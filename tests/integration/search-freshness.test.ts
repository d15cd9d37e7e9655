// Writes reach search without a restart: the documents of a changed dilemma at once, anything else
// through a rebuild in a worker thread while the index in use keeps answering.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { rebuildOptions } from "~/search/search-cache.server";
import { startTestServer, type TestServer } from "../support/test-server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function total(query: string): Promise<number> {
  const response = await fetch(`${server.url}/api/search?q=${encodeURIComponent(query)}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { total: number }).total;
}

describe("search after a write", () => {
  let db: ReturnType<TestServer["db"]>["$client"];
  beforeAll(() => {
    db = server.db().$client;
  });
  const audit = (action: string, targetType: string, targetId: number) =>
    db
      .prepare("insert into audit_log (action, target_type, target_id) values (?, ?, ?)")
      .run(action, targetType, String(targetId));

  it("drops an answer that is withdrawn, with the next search", async () => {
    const answer = db
      .prepare(
        `select a.id, av.id as version from answers a join current_answer_versions av on av.answer_id = a.id
         join regions r on r.id = a.region_id where r.slug = 'zeeland' limit 1`,
      )
      .get() as { id: number; version: number };
    db.transaction(() => {
      db.prepare(
        "update answer_versions set agreement_md = agreement_md || ' Afgesproken in het reigeroverleg.' where id = ?",
      ).run(answer.version);
      audit("answer.revise", "answer_version", answer.version);
    })();
    expect(await total("reigeroverleg")).toBe(1);
    db.transaction(() => {
      db.prepare("update answers set status = 'withdrawn' where id = ?").run(answer.id);
      audit("answer.withdraw", "answer", answer.id);
    })();
    expect(await total("reigeroverleg")).toBe(0);
  });

  it("rebuilds in a worker thread after a change it cannot place, answering from the index in use meanwhile", async () => {
    expect(await total("kwelderland")).toBe(0);
    const options = rebuildOptions();
    const inlineBelowMs = options.inlineBelowMs;
    options.inlineBelowMs = 0;
    try {
      db.transaction(() => {
        db.prepare("update regions set name = 'Kwelderland' where slug = 'zeeland'").run();
        audit(
          "region.rename",
          "region",
          db.prepare("select id from regions where slug = 'zeeland'").pluck().get() as number,
        );
      })();
      // The search that notices the change starts the rebuild and answers from the current index.
      expect(await total("kwelderland")).toBe(0);
      let found = 0;
      for (let attempt = 0; attempt < 150 && found === 0; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        found = await total("kwelderland");
      }
      // Every Zeeland answer names its region.
      expect(found).toBeGreaterThan(0);
    } finally {
      options.inlineBelowMs = inlineBelowMs;
    }
  });
});
