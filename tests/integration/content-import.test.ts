import crypto from "node:crypto";
import path from "node:path";

import { count, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";

import { importContent } from "~/content/import-content.server";
import { ContentValidationError, readContent } from "~/content/read-content.server";
import { type Db, migrateDatabase, openDatabase } from "../../db/client.server";
import * as t from "../../db/schema";
import { copyFixtureContent } from "../support/content-copy";
import { TMP_DIR } from "../support/paths";

const open: Db[] = [];
afterEach(() => open.splice(0).forEach((db) => db.$client.close()));

function freshDb() {
  const db = openDatabase(path.join(TMP_DIR, `import-${crypto.randomUUID()}.sqlite`));
  migrateDatabase(db);
  open.push(db);
  return db;
}

/** Every table's rows, to compare a database before and after. */
function snapshot(db: Db) {
  const tables = db.$client
    .prepare(
      "select name from sqlite_master where type = 'table' and name not like '%migrations%' and name not like 'sqlite_%'",
    )
    .all() as { name: string }[];
  return Object.fromEntries(
    tables.map(({ name }) => [name, db.$client.prepare(`select * from "${name}" order by rowid`).all()]),
  );
}

describe("importContent", () => {
  it("imports the library with its relations", () => {
    const db = freshDb();
    importContent(db, readContent(copyFixtureContent().root));
    expect(db.select({ n: count() }).from(t.answerVersions).get()?.n).toBe(4);
    const dilemma = db.select().from(t.dilemmas).where(eq(t.dilemmas.slug, "eerste-dilemma")).get();
    expect(dilemma?.status).toBe("answered");
    expect(dilemma?.origin).toBe("content");
  });

  it("is idempotent: a second import changes nothing", () => {
    const db = freshDb();
    const content = copyFixtureContent();
    importContent(db, readContent(content.root));
    const before = snapshot(db);
    expect(importContent(db, readContent(content.root))).toEqual({});
    expect(snapshot(db)).toEqual(before);
  });

  it("updates what changed in a file", () => {
    const db = freshDb();
    const content = copyFixtureContent();
    importContent(db, readContent(content.root));
    content.edit("dilemmas/tweede-dilemma.md", (s) =>
      s.replace("title: Het tweede dilemma", "title: Het tweede dilemma, herzien"),
    );
    expect(importContent(db, readContent(content.root))).toEqual({ dilemmas: { added: 0, changed: 1 } });
    expect(db.select().from(t.dilemmas).where(eq(t.dilemmas.slug, "tweede-dilemma")).get()?.title).toBe(
      "Het tweede dilemma, herzien",
    );
  });

  it("points an adoption at the version that existed when it was agreed", () => {
    const db = freshDb();
    importContent(db, readContent(copyFixtureContent().root));
    const row = db.$client
      .prepare(
        `select src.version as version, r.slug as region from answer_versions av
         join answer_versions src on src.id = av.adopted_from_version_id
         join answers a on a.id = src.answer_id join regions r on r.id = a.region_id
         where av.adopted_from_version_id is not null`,
      )
      .get();
    // Beta agreed on 2022-06-01; Alpha's version 2 dates from 2023, so Beta took over version 1.
    expect(row).toEqual({ version: 1, region: "alpha" });
  });

  it("keeps records that people made in the app when content is imported again", () => {
    const db = freshDb();
    const content = copyFixtureContent();
    importContent(db, readContent(content.root));
    const region = db.select().from(t.regions).where(eq(t.regions.slug, "alpha")).get()!;
    const appDilemma = db
      .insert(t.dilemmas)
      .values({
        slug: "uit-de-app",
        title: "Uit de app",
        question: "Mag dit?",
        situationMd: "Tekst",
        holderSector: "zorg",
        originRegionId: region.id,
        raisedOn: "2024-01-01",
        status: "proposed",
      })
      .returning()
      .get();
    const answer = db.select().from(t.answers).where(eq(t.answers.regionId, region.id)).get()!;
    const appVersion = db
      .insert(t.answerVersions)
      .values({
        answerId: answer.id,
        version: 3,
        verdict: "niet-delen",
        route: "toestemming",
        groundingMd: "g",
        purposeMd: "d",
        necessityMd: "n",
        proportionalityMd: "p",
        agreementMd: "a",
        agreedOn: "2025-01-01",
        publishedAt: "2025-01-01T10:00:00Z",
      })
      .returning()
      .get();
    db.insert(t.organisations)
      .values({ regionId: region.id, name: "Huisartsenpraktijk uit de app", sector: "huisarts" })
      .run();

    content.edit("answers/alpha/eerste-dilemma.md", (s) =>
      s.replace("Afspraak alpha v2.", "Afspraak alpha v2, verduidelijkt."),
    );
    content.edit("regions/alpha.md", (s) => s.replace("komt elke maand bijeen", "komt elke zes weken bijeen"));
    importContent(db, readContent(content.root));

    expect(db.select().from(t.dilemmas).where(eq(t.dilemmas.id, appDilemma.id)).get()).toEqual(appDilemma);
    expect(db.select().from(t.answerVersions).where(eq(t.answerVersions.id, appVersion.id)).get()).toEqual(appVersion);
    expect(
      db
        .select()
        .from(t.organisations)
        .where(eq(t.organisations.regionId, region.id))
        .all()
        .map((o) => o.name),
    ).toContain("Huisartsenpraktijk uit de app");
    expect(db.select().from(t.regions).where(eq(t.regions.id, region.id)).get()?.descriptionMd).toContain("zes weken");
  });

  it("refuses a content file with a phone number in it, and changes nothing", () => {
    const db = freshDb();
    const content = copyFixtureContent();
    importContent(db, readContent(content.root));
    const before = snapshot(db);

    content.edit("dilemmas/tweede-dilemma.md", (s) =>
      s.replace("Het wijkteam weet", "Het wijkteam (bel 0118-612345) weet"),
    );
    content.edit("regions/alpha.md", (s) => s.replace("name: Alpha", "name: Alpha gewijzigd"));
    const attempt = () => importContent(db, readContent(content.root));
    expect(attempt).toThrow(
      /content\/dilemmas\/tweede-dilemma.md › \(body\): expected no personal data; phone "0118-612345"/,
    );
    expect(snapshot(db)).toEqual(before);
  });

  it("changes nothing when a content file would overwrite a record made in the app", () => {
    const db = freshDb();
    const content = copyFixtureContent();
    importContent(db, readContent(content.root));
    const region = db.select().from(t.regions).where(eq(t.regions.slug, "beta")).get()!;
    db.insert(t.dilemmas)
      .values({
        slug: "derde-dilemma",
        title: "Door een lid voorgesteld",
        question: "?",
        situationMd: "x",
        holderSector: "zorg",
        originRegionId: region.id,
        raisedOn: "2024-01-01",
      })
      .run();
    const before = snapshot(db);

    content.edit("regions/alpha.md", (s) => s.replace("name: Alpha", "name: Alpha gewijzigd"));
    content.write("dilemmas/derde-dilemma.md", content.read("dilemmas/tweede-dilemma.md"));
    const attempt = () => importContent(db, readContent(content.root));
    expect(attempt).toThrow(ContentValidationError);
    expect(attempt).toThrow(/content\/dilemmas\/derde-dilemma.md › \(slug\): expected a new slug/);
    expect(snapshot(db)).toEqual(before);
  });

  it("writes one audit entry for an import that changed something, none for one that did not", () => {
    const db = freshDb();
    const content = copyFixtureContent();
    importContent(db, readContent(content.root));
    importContent(db, readContent(content.root));
    const entries = db.select().from(t.auditLog).all();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: "content.import", actorId: null, targetType: "library" });
    expect(entries[0]?.summary).toContain("dilemmas: 2 nieuw");
  });
});
