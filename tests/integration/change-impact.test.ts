import crypto from "node:crypto";
import path from "node:path";

import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";

import { importContent } from "~/content/import-content.server";
import { readContent } from "~/content/read-content.server";
import { type Db, migrateDatabase, openDatabase } from "../../db/client.server";
import * as t from "../../db/schema";
import { copyFixtureContent } from "../support/content-copy";
import { TMP_DIR } from "../support/paths";

const open: Db[] = [];
afterEach(() => open.splice(0).forEach((db) => db.$client.close()));

function freshDb() {
  const db = openDatabase(path.join(TMP_DIR, `impact-${crypto.randomUUID()}.sqlite`));
  migrateDatabase(db);
  open.push(db);
  return db;
}

const edition = (date: string, label: string, art6: string, withArt7 = true) => `---
title: Wet Een
kind: wet
issuer: De wetgever
version: "${label}"
effective: ${date}
source: https://wetten.overheid.nl/
summary: Wat er veranderde in ${label}.
---
Een korte inleiding.

## Art. 6 lid 1 sub e — Taak van algemeen belang
${art6}
${withArt7 ? "\n## Artikel 7:457 — Geheimhouding\nSamenvatting van de geheimhouding.\n" : ""}`;

/** The fixture library with Wet Een as a folder of editions, imported, plus a facilitator of each region. */
function libraryWithEditions() {
  const db = freshDb();
  const content = copyFixtureContent();
  content.remove("codes/wet-een.md");
  content.write("codes/wet-een/2018-01-01.md", edition("2018-01-01", "2018", "Samenvatting van de grondslag."));
  importContent(db, readContent(content.root));
  const users = ["alpha", "beta"].map((slug) => {
    const region = db.select().from(t.regions).where(eq(t.regions.slug, slug)).get()!;
    const user = db
      .insert(t.users)
      .values({ email: `begeleider.${slug}@example.test`, name: `Begeleider ${slug}`, passwordHash: "x" })
      .returning()
      .get();
    db.insert(t.memberships)
      .values({ userId: user.id, regionId: region.id, role: "facilitator", status: "active" })
      .run();
    return user;
  });
  return { db, content, users };
}

function flags(db: Db) {
  return db
    .select({
      anchor: t.articles.anchor,
      change: t.answerReviewFlags.change,
      region: t.regions.slug,
      version: t.answerVersions.version,
    })
    .from(t.answerReviewFlags)
    .innerJoin(t.articles, eq(t.articles.id, t.answerReviewFlags.articleId))
    .innerJoin(t.answerVersions, eq(t.answerVersions.id, t.answerReviewFlags.answerVersionId))
    .innerJoin(t.answers, eq(t.answers.id, t.answerVersions.answerId))
    .innerJoin(t.regions, eq(t.regions.id, t.answers.regionId))
    .orderBy(t.regions.slug, t.articles.anchor)
    .all();
}

describe("change impact of a new edition", () => {
  it("imports a code folder as editions, the first import marks nothing", () => {
    const { db } = libraryWithEditions();
    const editions = db.select().from(t.codeEditions).all();
    expect(editions.map((e) => [e.label, e.effectiveFrom])).toContainEqual(["2018", "2018-01-01"]);
    expect(flags(db)).toEqual([]);
  });

  it("marks every answer in force citing a changed article and notifies its region's facilitators", () => {
    const { db, content, users } = libraryWithEditions();
    content.write("codes/wet-een/2024-01-01.md", edition("2024-01-01", "2024", "De grondslag is anders geworden."));
    const counts = importContent(db, readContent(content.root));
    expect(counts["review flags"]).toEqual({ added: 3, changed: 0 });
    // alpha's version in force (2, 2023) and beta's two answers cite art. 6 from the 2018 text; alpha's version 1 is not in force.
    expect(flags(db)).toEqual([
      { anchor: "art-6-lid-1-sub-e", change: "changed", region: "alpha", version: 2 },
      { anchor: "art-6-lid-1-sub-e", change: "changed", region: "beta", version: 1 },
      { anchor: "art-6-lid-1-sub-e", change: "changed", region: "beta", version: 1 },
    ]);
    for (const [i, slug] of ["alpha", "beta"].entries()) {
      const notes = db.select().from(t.notifications).where(eq(t.notifications.userId, users[i]!.id)).all();
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatchObject({ kind: "review-needed", href: `/regios/${slug}/herziening` });
      const what = slug === "alpha" ? "1 afspraak citeert" : "2 afspraken citeren";
      expect(notes[0]!.message).toBe(
        `Herziening nodig: ${what} een artikel van Wet Een dat is gewijzigd per 2024-01-01 (2024).`,
      );
    }
    // Importing the same library again adds no flags and no notifications.
    expect(importContent(db, readContent(content.root))).toEqual({});
    expect(db.select().from(t.notifications).all()).toHaveLength(2);
  });

  it("marks a removed article as removed, and leaves an unchanged one alone", () => {
    const { db, content } = libraryWithEditions();
    content.write(
      "answers/beta/tweede-dilemma.md",
      content.read("answers/beta/tweede-dilemma.md").replace(/grounds: \[[^\]]*\]/, "grounds: [wet-een#artikel-7-457]"),
    );
    importContent(db, readContent(content.root));
    // Art. 6 keeps its text (nothing marked for it); art. 7:457 is gone in 2024.
    content.write(
      "codes/wet-een/2024-01-01.md",
      edition("2024-01-01", "2024", "Samenvatting van de grondslag.", false),
    );
    importContent(db, readContent(content.root));
    expect(flags(db)).toEqual([{ anchor: "artikel-7-457", change: "removed", region: "beta", version: 1 }]);
  });

  it("does not mark an answer agreed after the new edition took effect", () => {
    const { db, content } = libraryWithEditions();
    content.write("codes/wet-een/2022-01-01.md", edition("2022-01-01", "2022", "De grondslag is anders geworden."));
    importContent(db, readContent(content.root));
    // beta (2022-06-01) and alpha v2 (2023) were agreed under the 2022 text already.
    expect(flags(db)).toEqual([]);
  });
});
