import { and, asc, eq, inArray, sql } from "drizzle-orm";

import * as t from "../../db/schema";
import type { Db } from "~/utils/db.server";

import { answerLineage, citationsOf } from "./answer.server";

/**
 * A region's answers in force on public dilemmas, whole: every field of the version, its citations and
 * lineage, and the dilemma with its themes (its main theme first). For the spelregels and open data.
 */
export function getRegionCurrentAnswers(db: Db, regionId: number) {
  const cv = t.currentAnswerVersions;
  const rows = db
    .select({
      version: t.answerVersions,
      dilemma: { id: t.dilemmas.id, slug: t.dilemmas.slug, title: t.dilemmas.title, question: t.dilemmas.question },
    })
    .from(cv)
    .innerJoin(t.answerVersions, eq(t.answerVersions.id, cv.id))
    .innerJoin(t.dilemmas, eq(t.dilemmas.id, cv.dilemmaId))
    .where(and(eq(cv.regionId, regionId), eq(t.dilemmas.status, "answered")))
    .orderBy(asc(t.dilemmas.title))
    .all();
  if (rows.length === 0) return [];
  const versionIds = rows.map((r) => r.version.id);
  const citations = citationsOf(db, versionIds);
  const { from, by } = answerLineage(db, versionIds);
  const themes = db
    .select({ dilemmaId: t.dilemmaThemes.dilemmaId, slug: t.themes.slug, label: t.themes.label })
    .from(t.dilemmaThemes)
    .innerJoin(t.themes, eq(t.themes.slug, t.dilemmaThemes.themeSlug))
    .where(inArray(t.dilemmaThemes.dilemmaId, rows.map((r) => r.dilemma.id)))
    // The importer stores a dilemma's themes in the order its file names them; the first is its main theme.
    .orderBy(sql`${t.dilemmaThemes}.rowid`)
    .all();
  return rows.map(({ version, dilemma }) => ({
    dilemma: {
      ...dilemma,
      themes: themes.filter((th) => th.dilemmaId === dilemma.id).map(({ slug, label }) => ({ slug, label })),
    },
    version: {
      ...version,
      citations: citations.get(version.id) ?? [],
      adoptedFrom: from.get(version.id) ?? null,
      adoptedBy: by.get(version.id) ?? [],
    },
  }));
}

export type RegionCurrentAnswer = ReturnType<typeof getRegionCurrentAnswers>[number];
