// Issue 15: re-importing a library in which a dilemma was merged into another, or an organisation left a
// region's list, changes what an earlier import wrote: the old dilemma becomes 'merged', the organisation goes.
import crypto from "node:crypto";
import path from "node:path";

import { eq } from "drizzle-orm";
import { afterEach, expect, it } from "vitest";

import { importContent } from "~/content/import-content.server";
import { ContentValidationError, readContent } from "~/content/read-content.server";
import { type Db, migrateDatabase, openDatabase } from "../../db/client.server";
import * as t from "../../db/schema";
import { copyFixtureContent } from "../support/content-copy";
import { TMP_DIR } from "../support/paths";

const open: Db[] = [];
afterEach(() => open.splice(0).forEach((db) => db.$client.close()));

function freshDb() {
  const db = openDatabase(path.join(TMP_DIR, `merge-${crypto.randomUUID()}.sqlite`));
  migrateDatabase(db);
  open.push(db);
  return db;
}

it("marks a dilemma merged into another one (content/redirects.yml) as merged, pointing at the kept one", () => {
  const db = freshDb();
  const content = copyFixtureContent();
  importContent(db, readContent(content.root));
  content.remove("dilemmas/tweede-dilemma.md");
  content.remove("answers/beta/tweede-dilemma.md");
  content.write("redirects.yml", "dilemmas:\n  tweede-dilemma: eerste-dilemma\n");
  importContent(db, readContent(content.root));
  const old = db.select().from(t.dilemmas).where(eq(t.dilemmas.slug, "tweede-dilemma")).get()!;
  const kept = db.select().from(t.dilemmas).where(eq(t.dilemmas.slug, "eerste-dilemma")).get()!;
  expect(old.status).toBe("merged");
  expect(old.mergedIntoId).toBe(kept.id);
  expect(kept.status).toBe("answered");
  // Idempotent: a third import changes nothing.
  expect(importContent(db, readContent(content.root))).toEqual({});
});

it("refuses a redirect from a slug that is still a dilemma, or to one that is not", () => {
  const content = copyFixtureContent();
  content.write("redirects.yml", "dilemmas:\n  tweede-dilemma: eerste-dilemma\n  weg: bestaat-niet\n");
  expect(() => readContent(content.root)).toThrow(ContentValidationError);
  try {
    readContent(content.root);
  } catch (error) {
    const messages = (error as ContentValidationError).problems.map((p) => `${p.field}: ${p.message}`);
    expect(messages).toContain("dilemmas.tweede-dilemma: expected a slug that is no longer a dilemma file");
    expect(messages).toContain("dilemmas.weg: expected a dilemma in content/dilemmas; 'bestaat-niet' is not there");
  }
});

it("removes an organisation that left a region's list, unless an account names it", () => {
  const db = freshDb();
  const content = copyFixtureContent();
  importContent(db, readContent(content.root));
  content.edit("regions/alpha.md", (text) =>
    text.replace("  - { name: Veilig Thuis Alpha, sector: veilig-thuis }\n", ""),
  );
  importContent(db, readContent(content.root));
  const names = db
    .select({ name: t.organisations.name })
    .from(t.organisations)
    .all()
    .map((o) => o.name);
  expect(names).not.toContain("Veilig Thuis Alpha");
  expect(names).toContain("Gemeente Alpha");
});

it("stores an answer's unverified points and refuses one whose article does not exist", () => {
  const db = freshDb();
  const content = copyFixtureContent();
  const library = readContent(content.root);
  const ref = `${library.codes[0]!.slug}#${library.codes[0]!.articles[0]!.anchor}`;
  content.edit("answers/beta/tweede-dilemma.md", (text) =>
    text.replace(
      /^---\n/,
      `---\nunverified:\n  - point: "Het lid van dit artikel is nog niet nagelezen."\n    reference: ${ref}\n`,
    ),
  );
  importContent(db, readContent(content.root));
  const stored = db
    .select({ unverified: t.answerVersions.unverified })
    .from(t.answerVersions)
    .all()
    .map((v) => v.unverified);
  expect(stored).toContainEqual([{ point: "Het lid van dit artikel is nog niet nagelezen.", reference: ref }]);
  content.edit("answers/beta/tweede-dilemma.md", (text) => text.replace(ref, `${library.codes[0]!.slug}#bestaat-niet`));
  expect(() => readContent(content.root)).toThrow(/unverified: expected an existing article/);
});
