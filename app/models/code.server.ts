import { asc, eq, sql } from "drizzle-orm";

import type { Db } from "~/utils/db.server";
import * as t from "../../db/schema";

export function listCodes(db: Db) {
  return db
    .select({
      slug: t.codes.slug,
      title: t.codes.title,
      kind: t.codes.kind,
      issuer: t.codes.issuer,
      version: t.codes.version,
      // Correlated subqueries in plain SQL: drizzle leaves columns in sql`` unqualified.
      articleCount: sql<number>`(select count(*) from articles a where a.code_id = codes.id)`,
      citedCount: sql<number>`(select count(distinct cv.answer_id) from citations c
        join articles a on a.id = c.article_id
        join current_answer_versions cv on cv.id = c.answer_version_id
        where a.code_id = codes.id)`,
    })
    .from(t.codes)
    .orderBy(asc(t.codes.title))
    .all();
}

/** A code with its articles and, per article, the answers in force that cite it. */
export function getCodeBySlug(db: Db, slug: string) {
  const code = db.select().from(t.codes).where(eq(t.codes.slug, slug)).get();
  if (!code) return null;
  const articles = db
    .select({ id: t.articles.id, anchor: t.articles.anchor, heading: t.articles.heading, bodyMd: t.articles.bodyMd })
    .from(t.articles)
    .where(eq(t.articles.codeId, code.id))
    .orderBy(asc(t.articles.position))
    .all();
  const cv = t.currentAnswerVersions;
  const citedBy = db
    .select({
      articleId: t.citations.articleId,
      dilemmaSlug: t.dilemmas.slug,
      dilemmaTitle: t.dilemmas.title,
      regionSlug: t.regions.slug,
      regionName: t.regions.name,
      verdict: cv.verdict,
    })
    .from(t.citations)
    .innerJoin(t.articles, eq(t.articles.id, t.citations.articleId))
    .innerJoin(cv, eq(cv.id, t.citations.answerVersionId))
    .innerJoin(t.dilemmas, eq(t.dilemmas.id, cv.dilemmaId))
    .innerJoin(t.regions, eq(t.regions.id, cv.regionId))
    .where(eq(t.articles.codeId, code.id))
    .orderBy(asc(t.dilemmas.title), asc(t.regions.name))
    .all();
  return {
    ...code,
    articles: articles.map((article) => ({
      ...article,
      citedBy: citedBy.filter((c) => c.articleId === article.id),
    })),
  };
}

/** Every article of every code, grouped by code, for the citation picker of the answer form. */
export function listCitableArticles(db: Db) {
  const rows = db
    .select({
      id: t.articles.id,
      heading: t.articles.heading,
      codeSlug: t.codes.slug,
      codeTitle: t.codes.title,
      kind: t.codes.kind,
    })
    .from(t.articles)
    .innerJoin(t.codes, eq(t.codes.id, t.articles.codeId))
    .orderBy(asc(t.codes.title), asc(t.articles.position))
    .all();
  const groups = new Map<
    string,
    { slug: string; title: string; kind: string; articles: { id: number; heading: string }[] }
  >();
  for (const row of rows) {
    const group = groups.get(row.codeSlug) ?? {
      slug: row.codeSlug,
      title: row.codeTitle,
      kind: row.kind,
      articles: [],
    };
    group.articles.push({ id: row.id, heading: row.heading });
    groups.set(row.codeSlug, group);
  }
  return [...groups.values()];
}
