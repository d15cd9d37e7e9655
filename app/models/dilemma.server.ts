import { and, asc, count, desc, eq, exists, inArray, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";

import type { Sector, Verdict } from "~/domain/vocabulary";
import { type Db, preparedPerDb } from "~/utils/db.server";
import * as t from "../../db/schema";

export interface DilemmaFilters {
  theme?: string;
  sector?: Sector;
  region?: string;
  verdict?: Verdict;
}

/** Dilemmas a visitor may read: those with at least one published answer. */
const isPublic = eq(t.dilemmas.status, "answered");
export const isPublicDilemma = (dilemma: { status: string }) => dilemma.status === "answered";

function filterConditions(db: Db, filters: DilemmaFilters): SQL[] {
  const cv = t.currentAnswerVersions;
  const conditions: SQL[] = [isPublic];
  if (filters.theme) {
    conditions.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(t.dilemmaThemes)
          .where(and(eq(t.dilemmaThemes.dilemmaId, t.dilemmas.id), eq(t.dilemmaThemes.themeSlug, filters.theme))),
      ),
    );
  }
  if (filters.sector) {
    conditions.push(
      or(
        eq(t.dilemmas.holderSector, filters.sector),
        exists(
          db
            .select({ one: sql`1` })
            .from(t.dilemmaAskingSectors)
            .where(
              and(
                eq(t.dilemmaAskingSectors.dilemmaId, t.dilemmas.id),
                eq(t.dilemmaAskingSectors.sector, filters.sector),
              ),
            ),
        ),
      )!,
    );
  }
  if (filters.region || filters.verdict) {
    // With both, the region's own answer must have that verdict.
    const answerConditions: SQL[] = [eq(cv.dilemmaId, t.dilemmas.id)];
    if (filters.region) {
      answerConditions.push(
        eq(cv.regionId, db.select({ id: t.regions.id }).from(t.regions).where(eq(t.regions.slug, filters.region))),
      );
    }
    if (filters.verdict) answerConditions.push(eq(cv.verdict, filters.verdict));
    conditions.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(cv)
          .where(and(...answerConditions)),
      ),
    );
  }
  return conditions;
}

export function listDilemmas(db: Db, filters: DilemmaFilters, page: { offset: number; limit: number }) {
  const where = and(...filterConditions(db, filters));
  const total = db.select({ n: count() }).from(t.dilemmas).where(where).get()?.n ?? 0;
  const rows = db
    .select({
      id: t.dilemmas.id,
      slug: t.dilemmas.slug,
      title: t.dilemmas.title,
      question: t.dilemmas.question,
      holderSector: t.dilemmas.holderSector,
      raisedOn: t.dilemmas.raisedOn,
    })
    .from(t.dilemmas)
    .where(where)
    .orderBy(desc(t.dilemmas.raisedOn), asc(t.dilemmas.title))
    .limit(page.limit)
    .offset(page.offset)
    .all();
  const ids = rows.map((r) => r.id);
  const themes = ids.length
    ? db
        .select({ dilemmaId: t.dilemmaThemes.dilemmaId, slug: t.themes.slug, label: t.themes.label })
        .from(t.dilemmaThemes)
        .innerJoin(t.themes, eq(t.themes.slug, t.dilemmaThemes.themeSlug))
        .where(inArray(t.dilemmaThemes.dilemmaId, ids))
        .orderBy(asc(t.themes.label))
        .all()
    : [];
  const cv = t.currentAnswerVersions;
  const verdicts = ids.length
    ? db
        .select({
          dilemmaId: cv.dilemmaId,
          regionSlug: t.regions.slug,
          regionName: t.regions.name,
          verdict: cv.verdict,
        })
        .from(cv)
        .innerJoin(t.regions, eq(t.regions.id, cv.regionId))
        .where(inArray(cv.dilemmaId, ids))
        .orderBy(asc(t.regions.name))
        .all()
    : [];
  return {
    total,
    dilemmas: rows.map((row) => ({
      ...row,
      themes: themes.filter((th) => th.dilemmaId === row.id).map(({ slug, label }) => ({ slug, label })),
      answers: verdicts
        .filter((v) => v.dilemmaId === row.id)
        .map(({ regionSlug, regionName, verdict }) => ({ regionSlug, regionName, verdict })),
    })),
  };
}

/** Every public dilemma that passes the filters, by title: the rows of the comparison matrix. */
export function listFilteredDilemmas(db: Db, filters: DilemmaFilters) {
  return db
    .select({ id: t.dilemmas.id, slug: t.dilemmas.slug, title: t.dilemmas.title })
    .from(t.dilemmas)
    .where(and(...filterConditions(db, filters)))
    .orderBy(asc(t.dilemmas.title))
    .all();
}

/**
 * A dilemma in any status, with its themes, sectors and origin region. Only an answered one is public:
 * the caller checks who may read the others (`isPublicDilemma`).
 */
const mergedInto = alias(t.dilemmas, "merged_into");

const dilemmaBySlug = preparedPerDb((db) =>
  db
    .select({
      id: t.dilemmas.id,
      slug: t.dilemmas.slug,
      title: t.dilemmas.title,
      question: t.dilemmas.question,
      situationMd: t.dilemmas.situationMd,
      purpose: t.dilemmas.purpose,
      holderSector: t.dilemmas.holderSector,
      raisedOn: t.dilemmas.raisedOn,
      status: t.dilemmas.status,
      statusReason: t.dilemmas.statusReason,
      mergedIntoSlug: mergedInto.slug,
      mergedIntoTitle: mergedInto.title,
      proposedBy: t.dilemmas.proposedBy,
      regionId: t.regions.id,
      regionSlug: t.regions.slug,
      regionName: t.regions.name,
    })
    .from(t.dilemmas)
    .innerJoin(t.regions, eq(t.regions.id, t.dilemmas.originRegionId))
    .leftJoin(mergedInto, eq(mergedInto.id, t.dilemmas.mergedIntoId))
    .where(eq(t.dilemmas.slug, sql.placeholder("slug")))
    .prepare(),
);

const themesOfDilemma = preparedPerDb((db) =>
  db
    .select({ slug: t.themes.slug, label: t.themes.label })
    .from(t.dilemmaThemes)
    .innerJoin(t.themes, eq(t.themes.slug, t.dilemmaThemes.themeSlug))
    .where(eq(t.dilemmaThemes.dilemmaId, sql.placeholder("dilemmaId")))
    .orderBy(asc(t.themes.label))
    .prepare(),
);

const askingSectorsOfDilemma = preparedPerDb((db) =>
  db
    .select({ sector: t.dilemmaAskingSectors.sector })
    .from(t.dilemmaAskingSectors)
    .where(eq(t.dilemmaAskingSectors.dilemmaId, sql.placeholder("dilemmaId")))
    .prepare(),
);

export function getDilemma(db: Db, slug: string) {
  const dilemma = dilemmaBySlug(db).get({ slug });
  if (!dilemma) return null;
  const themes = themesOfDilemma(db).all({ dilemmaId: dilemma.id });
  const asking = askingSectorsOfDilemma(db)
    .all({ dilemmaId: dilemma.id })
    .map((row) => row.sector);
  return { ...dilemma, themes, asking };
}

/** A dilemma visitors may read (an answered one), or null. */
export function getPublicDilemma(db: Db, slug: string) {
  const dilemma = getDilemma(db, slug);
  return dilemma && isPublicDilemma(dilemma) ? dilemma : null;
}
