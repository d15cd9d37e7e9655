import { and, asc, desc, eq, gt, isNotNull, notExists, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";

import { type CitedEdition, citedEdition, editionsByCode } from "~/editions/citation-editions.server";
import { type ChangedArticle, openFlagsByVersion, reconfirmedOnByVersion } from "~/review/review-list.server";
import { type Db, inJsonList, preparedPerDb } from "~/utils/db.server";
import * as t from "../../db/schema";

export interface VersionRef {
  versionId: number;
  version: number;
  regionSlug: string;
  regionName: string;
  dilemmaSlug: string;
}

export interface Citation {
  kind: "ground" | "code";
  codeSlug: string;
  codeTitle: string;
  anchor: string;
  heading: string;
}

const other = alias(t.answerVersions, "other_version");
const otherAnswer = alias(t.answers, "other_answer");
const otherRef = {
  versionId: other.id,
  version: other.version,
  regionSlug: t.regions.slug,
  regionName: t.regions.name,
  dilemmaSlug: t.dilemmas.slug,
};

const adoptedFromQuery = preparedPerDb((db) =>
  db
    .select({ listedId: t.answerVersions.id, ...otherRef })
    .from(t.answerVersions)
    .innerJoin(other, eq(other.id, t.answerVersions.adoptedFromVersionId))
    .innerJoin(otherAnswer, eq(otherAnswer.id, other.answerId))
    .innerJoin(t.regions, eq(t.regions.id, otherAnswer.regionId))
    .innerJoin(t.dilemmas, eq(t.dilemmas.id, otherAnswer.dilemmaId))
    .where(inJsonList(t.answerVersions.id, "ids"))
    .prepare(),
);

const adoptedByQuery = preparedPerDb((db) =>
  db
    .select({ listedId: other.adoptedFromVersionId, ...otherRef })
    .from(other)
    .innerJoin(otherAnswer, eq(otherAnswer.id, other.answerId))
    .innerJoin(t.regions, eq(t.regions.id, otherAnswer.regionId))
    .innerJoin(t.dilemmas, eq(t.dilemmas.id, otherAnswer.dilemmaId))
    .where(and(inJsonList(other.adoptedFromVersionId, "ids"), isNotNull(other.publishedAt)))
    .orderBy(asc(t.regions.name))
    .prepare(),
);

/** Where each listed version was adopted from, and which published versions adopted it (lineage). */
function lineage(db: Db, versionIds: number[]) {
  const from = new Map<number, VersionRef>();
  const by = new Map<number, VersionRef[]>();
  if (versionIds.length === 0) return { from, by };
  const ids = JSON.stringify(versionIds);
  for (const { listedId, ...ref } of adoptedFromQuery(db).all({ ids })) from.set(listedId, ref);
  for (const { listedId, ...ref } of adoptedByQuery(db).all({ ids }))
    by.set(listedId!, [...(by.get(listedId!) ?? []), ref]);
  return { from, by };
}

const citationsQuery = preparedPerDb((db) =>
  db
    .select({
      versionId: t.citations.answerVersionId,
      kind: t.citations.kind,
      codeSlug: t.codes.slug,
      codeTitle: t.codes.title,
      anchor: t.articles.anchor,
      heading: t.articles.heading,
    })
    .from(t.citations)
    .innerJoin(t.articles, eq(t.articles.id, t.citations.articleId))
    .innerJoin(t.codes, eq(t.codes.id, t.articles.codeId))
    .where(inJsonList(t.citations.answerVersionId, "ids"))
    .orderBy(asc(t.citations.position))
    .prepare(),
);

export function citationsOf(db: Db, versionIds: number[]) {
  const result = new Map<number, Citation[]>();
  if (versionIds.length === 0) return result;
  for (const { versionId, ...citation } of citationsQuery(db).all({ ids: JSON.stringify(versionIds) })) {
    result.set(versionId, [...(result.get(versionId) ?? []), citation]);
  }
  return result;
}

const publishedAnswersQuery = preparedPerDb((db) =>
  db
    .select({ id: t.answers.id, regionId: t.answers.regionId, regionSlug: t.regions.slug, regionName: t.regions.name })
    .from(t.answers)
    .innerJoin(t.regions, eq(t.regions.id, t.answers.regionId))
    .where(and(eq(t.answers.dilemmaId, sql.placeholder("dilemmaId")), eq(t.answers.status, "published")))
    .orderBy(asc(t.regions.name))
    .prepare(),
);

const publishedVersionsQuery = preparedPerDb((db) =>
  db
    .select()
    .from(t.answerVersions)
    .where(and(inJsonList(t.answerVersions.answerId, "answerIds"), isNotNull(t.answerVersions.publishedAt)))
    .orderBy(desc(t.answerVersions.version))
    .prepare(),
);

/** Every published answer to a dilemma, each with all its published versions (newest first). */
export function getAnswersForDilemma(db: Db, dilemmaId: number) {
  const answers = publishedAnswersQuery(db).all({ dilemmaId });
  if (answers.length === 0) return [];
  const versions = publishedVersionsQuery(db).all({ answerIds: JSON.stringify(answers.map((a) => a.id)) });
  const ids = versions.map((v) => v.id);
  const citations = citationsOf(db, ids);
  const editions = editionsByCode(
    db,
    [...citations.values()].flat().map((c) => c.codeSlug),
  );
  const lawChanges = openFlagsByVersion(db, ids);
  const reconfirmed = reconfirmedOnByVersion(db, ids);
  const { from, by } = lineage(db, ids);
  return answers
    .map((answer) => ({
      ...answer,
      versions: versions
        .filter((v) => v.answerId === answer.id)
        .map((v) => ({
          ...v,
          citations: (citations.get(v.id) ?? []).map((c) => ({
            ...c,
            ...citedEdition(editions.get(c.codeSlug), v.agreedOn),
          })),
          lawChanges: lawChanges.get(v.id) ?? [],
          reconfirmedOn: reconfirmed.get(v.id) ?? null,
          adoptedFrom: from.get(v.id) ?? null,
          adoptedBy: by.get(v.id) ?? [],
        })),
    }))
    .filter((answer) => answer.versions.length > 0);
}

export type AnswerWithVersions = ReturnType<typeof getAnswersForDilemma>[number];
/** Other lists (spelregels, open data) give versions without the edition and review details. */
export type AnswerVersion = Omit<
  AnswerWithVersions["versions"][number],
  "citations" | "lawChanges" | "reconfirmedOn"
> & {
  citations: (Citation & Partial<CitedEdition>)[];
  lawChanges?: ChangedArticle[];
  reconfirmedOn?: string | null;
};

/**
 * The newest published outcomes across all regions, for the home page: published versions newest first
 * (index answer_versions_published_at) that are still in force (no later published version of their
 * answer, the answer not withdrawn), the same rows as current_answer_versions gives in that order. The
 * view itself would work out the version in force of every answer before sorting.
 */
export function listRecentOutcomes(db: Db, limit: number) {
  const av = t.answerVersions;
  const newer = alias(t.answerVersions, "newer");
  return db
    .select({
      dilemmaSlug: t.dilemmas.slug,
      dilemmaTitle: t.dilemmas.title,
      regionSlug: t.regions.slug,
      regionName: t.regions.name,
      verdict: av.verdict,
      version: av.version,
      publishedAt: sql<string>`${av.publishedAt}`,
    })
    .from(av)
    .innerJoin(t.answers, eq(t.answers.id, av.answerId))
    .innerJoin(t.dilemmas, eq(t.dilemmas.id, t.answers.dilemmaId))
    .innerJoin(t.regions, eq(t.regions.id, t.answers.regionId))
    .where(
      and(
        isNotNull(av.publishedAt),
        eq(t.answers.status, "published"),
        notExists(
          db
            .select({ one: sql`1` })
            .from(newer)
            .where(and(eq(newer.answerId, av.answerId), isNotNull(newer.publishedAt), gt(newer.version, av.version))),
        ),
      ),
    )
    .orderBy(desc(av.publishedAt), desc(av.id))
    .limit(limit)
    .all();
}

export { lineage as answerLineage };
