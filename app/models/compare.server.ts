import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";

import type { Sector, Verdict } from "~/domain/vocabulary";
import type { Db } from "~/utils/db.server";
import * as t from "../../db/schema";
import { answerLineage } from "./answer.server";
import { listFilteredDilemmas } from "./dilemma.server";

export interface MatrixCell {
  verdict: Verdict;
  version: number;
  adoptedFrom: { regionSlug: string; regionName: string; version: number } | null;
}

export interface MatrixRow {
  slug: string;
  title: string;
  cells: Record<string, MatrixCell | null>;
}

export interface Adoption {
  dilemmaSlug: string;
  dilemmaTitle: string;
  from: { regionSlug: string; regionName: string; version: number };
  to: { regionSlug: string; regionName: string; version: number };
}

/** The regions with these slugs (all regions when none are given), by name; null when one is unknown. */
export function resolveRegions(db: Db, slugs: string[]) {
  const all = db
    .select({ id: t.regions.id, slug: t.regions.slug, name: t.regions.name })
    .from(t.regions)
    .orderBy(asc(t.regions.name))
    .all();
  if (slugs.length === 0) return all;
  if (slugs.some((slug) => !all.some((r) => r.slug === slug))) return null;
  return all.filter((r) => slugs.includes(r.slug));
}

/**
 * Dilemmas × regions with the verdict in force in each cell, for the dilemmas that pass the filters
 * and that at least one of the chosen regions answered.
 */
export function getComparisonMatrix(
  db: Db,
  filters: { theme?: string; sector?: Sector; regionIds: number[] },
): MatrixRow[] {
  const dilemmas = listFilteredDilemmas(db, { theme: filters.theme, sector: filters.sector });
  if (dilemmas.length === 0 || filters.regionIds.length === 0) return [];
  const cv = t.currentAnswerVersions;
  // The chosen regions' answers in force, kept for the filtered dilemmas here: a list of thousands of
  // dilemma ids in the query would cost more than the answers it leaves out.
  const wanted = new Set(dilemmas.map((d) => d.id));
  const answers = db
    .select({
      versionId: cv.id,
      dilemmaId: cv.dilemmaId,
      regionSlug: t.regions.slug,
      verdict: cv.verdict,
      version: cv.version,
    })
    .from(cv)
    .innerJoin(t.regions, eq(t.regions.id, cv.regionId))
    .where(inArray(cv.regionId, filters.regionIds))
    .all()
    .filter((a) => wanted.has(a.dilemmaId));
  // Where a cell's version came from: only the few adopted versions need looking up.
  const adopted = new Set(
    db
      .select({ id: t.answerVersions.id })
      .from(t.answerVersions)
      .where(isNotNull(t.answerVersions.adoptedFromVersionId))
      .all()
      .map((v) => v.id),
  );
  const { from } = answerLineage(
    db,
    answers.filter((a) => adopted.has(a.versionId)).map((a) => a.versionId),
  );
  const byDilemma = new Map<number, Record<string, MatrixCell>>();
  for (const a of answers) {
    const source = from.get(a.versionId);
    const cells = byDilemma.get(a.dilemmaId) ?? {};
    cells[a.regionSlug] = {
      verdict: a.verdict,
      version: a.version,
      adoptedFrom: source
        ? { regionSlug: source.regionSlug, regionName: source.regionName, version: source.version }
        : null,
    };
    byDilemma.set(a.dilemmaId, cells);
  }
  return dilemmas
    .filter((d) => byDilemma.has(d.id))
    .map((d) => ({ slug: d.slug, title: d.title, cells: byDilemma.get(d.id)! }));
}

/**
 * Every adoption recorded on a published version (not only the versions in force), between the given
 * regions and within the given dilemmas: the edges of the lineage graph.
 */
export function listAdoptions(db: Db, filters: { dilemmaSlugs: string[]; regionIds: number[] }): Adoption[] {
  if (filters.dilemmaSlugs.length === 0 || filters.regionIds.length === 0) return [];
  const source = alias(t.answerVersions, "source_version");
  const sourceAnswer = alias(t.answers, "source_answer");
  const sourceRegion = alias(t.regions, "source_region");
  const rows = db
    .select({
      dilemmaSlug: t.dilemmas.slug,
      dilemmaTitle: t.dilemmas.title,
      fromSlug: sourceRegion.slug,
      fromName: sourceRegion.name,
      fromVersion: source.version,
      toSlug: t.regions.slug,
      toName: t.regions.name,
      toVersion: t.answerVersions.version,
    })
    .from(t.answerVersions)
    .innerJoin(t.answers, eq(t.answers.id, t.answerVersions.answerId))
    .innerJoin(t.regions, eq(t.regions.id, t.answers.regionId))
    .innerJoin(t.dilemmas, eq(t.dilemmas.id, t.answers.dilemmaId))
    .innerJoin(source, eq(source.id, t.answerVersions.adoptedFromVersionId))
    .innerJoin(sourceAnswer, eq(sourceAnswer.id, source.answerId))
    .innerJoin(sourceRegion, eq(sourceRegion.id, sourceAnswer.regionId))
    .where(
      and(
        // Named, so SQLite walks the index of adopted versions instead of every version.
        isNotNull(t.answerVersions.adoptedFromVersionId),
        isNotNull(t.answerVersions.publishedAt),
        isNotNull(source.publishedAt),
        eq(t.answers.status, "published"),
        // The unary + keeps SQLite from starting at the answers of the regions (thousands).
        inArray(sql`+${t.answers.regionId}`, filters.regionIds),
        inArray(sql`+${sourceAnswer.regionId}`, filters.regionIds),
      ),
    )
    .orderBy(asc(sourceRegion.name), asc(t.regions.name), asc(t.dilemmas.title), asc(t.answerVersions.version))
    .all();
  // Adopted versions are few: the dilemmas are picked here, not by SQLite from thousands.
  const dilemmas = new Set(filters.dilemmaSlugs);
  return rows
    .filter((r) => dilemmas.has(r.dilemmaSlug))
    .map((r) => ({
      dilemmaSlug: r.dilemmaSlug,
      dilemmaTitle: r.dilemmaTitle,
      from: { regionSlug: r.fromSlug, regionName: r.fromName, version: r.fromVersion },
      to: { regionSlug: r.toSlug, regionName: r.toName, version: r.toVersion },
    }));
}
