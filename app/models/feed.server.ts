import { and, desc, eq, exists, isNotNull, sql } from "drizzle-orm";

import type { Db } from "~/utils/db.server";
import * as t from "../../db/schema";

/**
 * The newest published versions (a first version is a new answer, a later one a revision) of the
 * answers in one region or on one theme's dilemmas, newest first.
 */
export function listPublishedVersions(db: Db, scope: { regionId: number } | { themeSlug: string }, limit = 50) {
  const scopeCondition =
    "regionId" in scope
      ? eq(t.answers.regionId, scope.regionId)
      : exists(
          db
            .select({ one: sql`1` })
            .from(t.dilemmaThemes)
            .where(and(eq(t.dilemmaThemes.dilemmaId, t.dilemmas.id), eq(t.dilemmaThemes.themeSlug, scope.themeSlug))),
        );
  return db
    .select({
      id: t.answerVersions.id,
      version: t.answerVersions.version,
      verdict: t.answerVersions.verdict,
      agreedOn: t.answerVersions.agreedOn,
      publishedAt: t.answerVersions.publishedAt,
      agreementMd: t.answerVersions.agreementMd,
      dilemmaSlug: t.dilemmas.slug,
      dilemmaTitle: t.dilemmas.title,
      dilemmaQuestion: t.dilemmas.question,
      regionSlug: t.regions.slug,
      regionName: t.regions.name,
    })
    .from(t.answerVersions)
    .innerJoin(t.answers, eq(t.answers.id, t.answerVersions.answerId))
    .innerJoin(t.dilemmas, eq(t.dilemmas.id, t.answers.dilemmaId))
    .innerJoin(t.regions, eq(t.regions.id, t.answers.regionId))
    .where(
      and(
        isNotNull(t.answerVersions.publishedAt),
        eq(t.answers.status, "published"),
        eq(t.dilemmas.status, "answered"),
        scopeCondition,
      ),
    )
    .orderBy(desc(t.answerVersions.publishedAt), desc(t.answerVersions.id))
    .limit(limit)
    .all()
    .map((row) => ({ ...row, publishedAt: row.publishedAt! }));
}

export type PublishedVersion = ReturnType<typeof listPublishedVersions>[number];
