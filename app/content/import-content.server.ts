
import { and, eq, inArray, notInArray } from "drizzle-orm";

import { recordAudit } from "~/audit/audit-log.server";
import { flagAnswersForNewEdition } from "~/editions/change-impact.server";
import type { Db } from "~/utils/db.server";
import * as t from "../../db/schema";
import { ContentValidationError, type Library } from "./read-content.server";

export type ImportCounts = Record<string, { added: number; changed: number }>;

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

function sameValues(existing: Record<string, unknown>, values: Record<string, unknown>) {
  return Object.entries(values).every(([key, value]) => JSON.stringify(existing[key]) === JSON.stringify(value));
}

/**
 * Upserts the validated library in one transaction. Records that people made in the app are never
 * changed; a content file that would overwrite one stops the import, and nothing is written.
 */
export function importContent(db: Db, library: Library): ImportCounts {
  const counts: ImportCounts = {};
  const count = (table: string, kind: "added" | "changed") => {
    counts[table] ??= { added: 0, changed: 0 };
    counts[table][kind] += 1;
  };
  const conflict = (file: string, what: string) => {
    throw new ContentValidationError([
      { file, field: "(slug)", message: `expected a new slug: ${what} was created in the app and is never overwritten by content` },
    ]);
  };
  const now = () => new Date().toISOString();
  /** Inserts a record, updates what changed, or refuses to touch one that people made in the app. */
  const upsert = (
    table: string,
    existing: ({ id: number; origin?: string } & Record<string, unknown>) | undefined,
    values: Record<string, unknown>,
    write: { insert: () => number; update: (id: number) => void },
    madeInApp?: { file: string; what: string },
  ): number => {
    if (!existing) {
      count(table, "added");
      return write.insert();
    }
    if (madeInApp && existing.origin !== "content") conflict(madeInApp.file, madeInApp.what);
    if (!sameValues(existing, values)) {
      write.update(existing.id);
      count(table, "changed");
    }
    return existing.id;
  };

  db.transaction((tx: Tx) => {
    for (const theme of library.themes) {
      const existing = tx.select().from(t.themes).where(eq(t.themes.slug, theme.slug)).get();
      if (!existing) {
        tx.insert(t.themes).values(theme).run();
        count("themes", "added");
      } else if (existing.label !== theme.label) {
        tx.update(t.themes).set({ label: theme.label }).where(eq(t.themes.slug, theme.slug)).run();
        count("themes", "changed");
      }
    }

    const regionIds = new Map<string, number>();
    for (const region of library.regions) {
      const values = {
        name: region.name,
        province: region.province,
        since: region.since,
        descriptionMd: region.descriptionMd,
        reviewYears: region.reviewYears,
      };
      const id = upsert(
        "regions",
        tx.select().from(t.regions).where(eq(t.regions.slug, region.slug)).get(),
        values,
        {
          insert: () => tx.insert(t.regions).values({ slug: region.slug, origin: "content", ...values }).returning({ id: t.regions.id }).get().id,
          update: (id) => tx.update(t.regions).set({ ...values, updatedAt: now() }).where(eq(t.regions.id, id)).run(),
        },
        { file: `content/regions/${region.slug}.md`, what: `region '${region.slug}'` },
      );
      regionIds.set(region.slug, id);

      for (const organisation of region.organisations) {
        const found = tx
          .select()
          .from(t.organisations)
          .where(and(eq(t.organisations.regionId, id), eq(t.organisations.name, organisation.name)))
          .get();
        if (!found) {
          tx.insert(t.organisations).values({ regionId: id, ...organisation, origin: "content" }).run();
          count("organisations", "added");
        } else if (found.origin === "content" && found.sector !== organisation.sector) {
          tx.update(t.organisations).set({ sector: organisation.sector }).where(eq(t.organisations.id, found.id)).run();
          count("organisations", "changed");
        }
      }
      // Organisations that left the file go too, unless an account names one as its organisation.
      const listed = region.organisations.map((o) => o.name);
      const stale = tx
        .select({ id: t.organisations.id })
        .from(t.organisations)
        .where(and(eq(t.organisations.regionId, id), eq(t.organisations.origin, "content"), notInArray(t.organisations.name, listed)))
        .all()
        .map((o) => o.id);
      if (stale.length > 0) {
        const used = new Set(
          tx.select({ id: t.users.organisationId }).from(t.users).where(inArray(t.users.organisationId, stale)).all().map((u) => u.id),
        );
        const removable = stale.filter((o) => !used.has(o));
        if (removable.length > 0) {
          tx.delete(t.organisations).where(inArray(t.organisations.id, removable)).run();
          count("organisations", "changed");
        }
      }
    }

    const articleIds = new Map<string, number>();
    const addedEditions: { codeId: number; editionId: number }[] = [];
    for (const code of library.codes) {
      const values = {
        title: code.title,
        kind: code.kind,
        issuer: code.issuer,
        profession: code.profession,
        version: code.version,
        sourceUrl: code.sourceUrl,
        introMd: code.introMd,
      };
      const codeId = upsert(
        "codes",
        tx.select().from(t.codes).where(eq(t.codes.slug, code.slug)).get(),
        values,
        {
          insert: () => tx.insert(t.codes).values({ slug: code.slug, origin: "content", ...values }).returning({ id: t.codes.id }).get().id,
          update: (id) => tx.update(t.codes).set({ ...values, updatedAt: now() }).where(eq(t.codes.id, id)).run(),
        },
        { file: `content/codes/${code.slug}.md`, what: `code '${code.slug}'` },
      );
      for (const article of code.articles) {
        const values = { heading: article.heading, bodyMd: article.bodyMd, position: article.position };
        const id = upsert(
          "articles",
          tx.select().from(t.articles).where(and(eq(t.articles.codeId, codeId), eq(t.articles.anchor, article.anchor))).get(),
          values,
          {
            insert: () => tx.insert(t.articles).values({ codeId, anchor: article.anchor, ...values }).returning({ id: t.articles.id }).get().id,
            update: (id) => tx.update(t.articles).set(values).where(eq(t.articles.id, id)).run(),
          },
        );
        articleIds.set(`${code.slug}#${article.anchor}`, id);
      }
      // Articles that left the file go too, unless an answer still cites them.
      const kept = code.articles.map((a) => a.anchor);
      const stale = tx
        .select({ id: t.articles.id })
        .from(t.articles)
        .where(and(eq(t.articles.codeId, codeId), notInArray(t.articles.anchor, kept)))
        .all()
        .map((a) => a.id);
      if (stale.length > 0) {
        const cited = new Set(
          tx.select({ id: t.citations.articleId }).from(t.citations).where(inArray(t.citations.articleId, stale)).all().map((c) => c.id),
        );
        const removable = stale.filter((id) => !cited.has(id));
        if (removable.length > 0) tx.delete(t.articles).where(inArray(t.articles.id, removable)).run();
      }
      addedEditions.push(...importEditions(tx, codeId, code, count));
    }

    const answeredDilemmas = new Set(library.answers.map((a) => a.dilemma));
    const dilemmaIds = new Map<string, number>();
    for (const dilemma of library.dilemmas) {
      const values = {
        title: dilemma.title,
        question: dilemma.question,
        situationMd: dilemma.situationMd,
        purpose: dilemma.purpose,
        holderSector: dilemma.holder,
        originRegionId: regionIds.get(dilemma.region)!,
        raisedOn: dilemma.raisedOn,
      };
      const existing = tx.select().from(t.dilemmas).where(eq(t.dilemmas.slug, dilemma.slug)).get();
      // A content answer makes a dilemma answered; otherwise the status stays what the app made it.
      const withStatus = { ...values, status: answeredDilemmas.has(dilemma.slug) ? ("answered" as const) : (existing?.status ?? "on-agenda") };
      const id = upsert(
        "dilemmas",
        existing,
        withStatus,
        {
          insert: () => tx.insert(t.dilemmas).values({ slug: dilemma.slug, origin: "content", ...withStatus }).returning({ id: t.dilemmas.id }).get().id,
          update: (id) => tx.update(t.dilemmas).set({ ...withStatus, updatedAt: now() }).where(eq(t.dilemmas.id, id)).run(),
        },
        { file: `content/dilemmas/${dilemma.slug}.md`, what: `dilemma '${dilemma.slug}'` },
      );
      dilemmaIds.set(dilemma.slug, id);

      const themes = tx.select().from(t.dilemmaThemes).where(eq(t.dilemmaThemes.dilemmaId, id)).all().map((r) => r.themeSlug);
      const sectors = tx.select().from(t.dilemmaAskingSectors).where(eq(t.dilemmaAskingSectors.dilemmaId, id)).all().map((r) => r.sector);
      if (!sameValues({ v: [...themes].sort() }, { v: [...dilemma.themes].sort() })) {
        tx.delete(t.dilemmaThemes).where(eq(t.dilemmaThemes.dilemmaId, id)).run();
        tx.insert(t.dilemmaThemes).values(dilemma.themes.map((themeSlug) => ({ dilemmaId: id, themeSlug }))).run();
      }
      if (!sameValues({ v: [...sectors].sort() }, { v: [...dilemma.asking].sort() })) {
        tx.delete(t.dilemmaAskingSectors).where(eq(t.dilemmaAskingSectors.dilemmaId, id)).run();
        tx.insert(t.dilemmaAskingSectors).values(dilemma.asking.map((sector) => ({ dilemmaId: id, sector }))).run();
      }
    }

    // A dilemma merged into another one in content/redirects.yml leaves the library: an earlier import's record
    // becomes 'merged' (lists skip it; its URL answers with a redirect to the dilemma it went into).
    for (const [from, to] of Object.entries(library.redirects)) {
      const old = tx.select().from(t.dilemmas).where(eq(t.dilemmas.slug, from)).get();
      if (!old || old.origin !== "content" || old.status === "merged") continue;
      tx.update(t.dilemmas)
        .set({ status: "merged", mergedIntoId: dilemmaIds.get(to)!, statusReason: "Samengevoegd met een vergelijkbaar dilemma.", updatedAt: now() })
        .where(eq(t.dilemmas.id, old.id))
        .run();
      count("dilemmas", "changed");
    }

    const adoptions: { versionId: number; dilemmaId: number; fromRegion: string; agreedOn: string }[] = [];
    for (const answer of library.answers) {
      const dilemmaId = dilemmaIds.get(answer.dilemma)!;
      const regionId = regionIds.get(answer.region)!;
      const existing = tx
        .select()
        .from(t.answers)
        .where(and(eq(t.answers.dilemmaId, dilemmaId), eq(t.answers.regionId, regionId)))
        .get();
      let answerId: number;
      if (!existing) {
        answerId = tx.insert(t.answers).values({ dilemmaId, regionId, origin: "content" }).returning({ id: t.answers.id }).get().id;
        count("answers", "added");
      } else {
        if (existing.origin !== "content") conflict(answer.versions.at(-1)!.file, `the answer of '${answer.region}' to '${answer.dilemma}'`);
        answerId = existing.id;
      }

      for (const version of answer.versions) {
        const values = {
          verdict: version.verdict,
          route: version.route,
          groundingMd: version.sections.grounding,
          purposeMd: version.sections.purpose,
          necessityMd: version.sections.necessity,
          proportionalityMd: version.sections.proportionality,
          agreementMd: version.sections.agreement,
          conditions: version.conditions,
          unverified: version.unverified,
          agreedOn: version.agreedOn,
          agreedBy: version.agreedBy,
          reviewBy: version.reviewBy,
        };
        const found = tx
          .select()
          .from(t.answerVersions)
          .where(and(eq(t.answerVersions.answerId, answerId), eq(t.answerVersions.version, version.version)))
          .get();
        const versionId = upsert(
          "answer versions",
          found,
          values,
          {
            insert: () =>
              tx
                .insert(t.answerVersions)
                .values({ answerId, version: version.version, origin: "content", publishedAt: `${version.agreedOn}T12:00:00.000Z`, ...values })
                .returning({ id: t.answerVersions.id })
                .get().id,
            update: (id) => tx.update(t.answerVersions).set(values).where(eq(t.answerVersions.id, id)).run(),
          },
          { file: version.file, what: `version ${version.version} of this answer` },
        );

        const citations = [
          ...version.grounds.map((ref) => ({ ref, kind: "ground" as const })),
          ...version.codes.map((ref) => ({ ref, kind: "code" as const })),
        ].map((c, position) => ({ answerVersionId: versionId, articleId: articleIds.get(c.ref)!, kind: c.kind, position }));
        const current = tx
          .select({ answerVersionId: t.citations.answerVersionId, articleId: t.citations.articleId, kind: t.citations.kind, position: t.citations.position })
          .from(t.citations)
          .where(eq(t.citations.answerVersionId, versionId))
          .orderBy(t.citations.position)
          .all();
        if (!sameValues({ v: current }, { v: citations })) {
          tx.delete(t.citations).where(eq(t.citations.answerVersionId, versionId)).run();
          if (citations.length > 0) tx.insert(t.citations).values(citations).run();
          count("citations", found ? "changed" : "added");
        }
        if (version.adoptedFrom) {
          adoptions.push({ versionId, dilemmaId, fromRegion: version.adoptedFrom, agreedOn: version.agreedOn });
        } else if (found?.adoptedFromVersionId) {
          tx.update(t.answerVersions).set({ adoptedFromVersionId: null }).where(eq(t.answerVersions.id, versionId)).run();
        }
      }
    }

    // Lineage points at the version the region took over: the source's newest one agreed by then.
    for (const adoption of adoptions) {
      const sourceVersions = tx
        .select({ id: t.answerVersions.id, agreedOn: t.answerVersions.agreedOn })
        .from(t.answerVersions)
        .innerJoin(t.answers, eq(t.answers.id, t.answerVersions.answerId))
        .where(and(eq(t.answers.dilemmaId, adoption.dilemmaId), eq(t.answers.regionId, regionIds.get(adoption.fromRegion)!)))
        .orderBy(t.answerVersions.version)
        .all();
      const source = sourceVersions.filter((v) => v.agreedOn <= adoption.agreedOn).at(-1) ?? sourceVersions[0]!;
      const found = tx.select({ from: t.answerVersions.adoptedFromVersionId }).from(t.answerVersions).where(eq(t.answerVersions.id, adoption.versionId)).get();
      if (found?.from !== source.id) {
        tx.update(t.answerVersions).set({ adoptedFromVersionId: source.id }).where(eq(t.answerVersions.id, adoption.versionId)).run();
      }
    }

    // After the answers: a new edition marks the answers in force that rest on an older text of a changed article.
    for (const edition of addedEditions) {
      const flagged = flagAnswersForNewEdition(tx, { ...edition, actorId: null });
      for (let i = 0; i < flagged.length; i++) count("review flags", "added");
    }

    const changes = Object.entries(counts).filter(([, c]) => c.added + c.changed > 0);
    if (changes.length > 0) {
      recordAudit(tx, {
        actorId: null,
        action: "content.import",
        targetType: "library",
        targetId: "content",
        summary: changes.map(([table, c]) => `${table}: ${c.added} nieuw, ${c.changed} gewijzigd`).join("; "),
      });
    }
  });
  return counts;
}

/** Upserts a code's editions by effective date; returns the editions this import added. */
function importEditions(
  tx: Tx,
  codeId: number,
  code: Library["codes"][number],
  count: (table: string, kind: "added" | "changed") => void,
): { codeId: number; editionId: number }[] {
  const added: { codeId: number; editionId: number }[] = [];
  const existing = tx.select().from(t.codeEditions).where(eq(t.codeEditions.codeId, codeId)).all();
  const hadEditions = existing.length > 0;
  for (const edition of code.editions) {
    const values = {
      label: edition.label,
      endsOn: edition.endsOn,
      sourceUrl: edition.sourceUrl,
      summaryMd: edition.summaryMd,
      introMd: edition.introMd,
    };
    const found = existing.find((e) => e.effectiveFrom === edition.effectiveFrom);
    let editionId: number;
    if (!found) {
      editionId = tx
        .insert(t.codeEditions)
        .values({ codeId, effectiveFrom: edition.effectiveFrom, ...values })
        .returning({ id: t.codeEditions.id })
        .get().id;
      count("code editions", "added");
      // The first import of a code is its history, not a change: only later additions mark answers.
      if (hadEditions) added.push({ codeId, editionId });
    } else {
      editionId = found.id;
      if (!sameValues(found, values)) {
        tx.update(t.codeEditions).set(values).where(eq(t.codeEditions.id, editionId)).run();
        count("code editions", "changed");
      }
    }
    const rows = edition.articles.map((a) => ({ editionId, anchor: a.anchor, heading: a.heading, bodyMd: a.bodyMd, position: a.position }));
    const current = tx
      .select({ editionId: t.codeEditionArticles.editionId, anchor: t.codeEditionArticles.anchor, heading: t.codeEditionArticles.heading, bodyMd: t.codeEditionArticles.bodyMd, position: t.codeEditionArticles.position })
      .from(t.codeEditionArticles)
      .where(eq(t.codeEditionArticles.editionId, editionId))
      .orderBy(t.codeEditionArticles.position)
      .all();
    if (!sameValues({ v: current }, { v: rows })) {
      tx.delete(t.codeEditionArticles).where(eq(t.codeEditionArticles.editionId, editionId)).run();
      if (rows.length > 0) tx.insert(t.codeEditionArticles).values(rows).run();
    }
  }
  // Editions that left the content go too (a corrected date is a new edition).
  const kept = new Set(code.editions.map((e) => e.effectiveFrom));
  for (const stale of existing.filter((e) => !kept.has(e.effectiveFrom))) {
    tx.delete(t.codeEditions).where(eq(t.codeEditions.id, stale.id)).run();
    count("code editions", "changed");
  }
  return added;
}
