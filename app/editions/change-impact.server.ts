import { and, eq, inArray } from "drizzle-orm";

import { editionInForce } from "~/editions/edition-in-force";
import type { Executor } from "~/utils/db.server";
import { reviewPath } from "~/utils/paths";
import { notify } from "~/workflow/notifications.server";
import * as t from "../../db/schema";
import { listEditions } from "./code-editions.server";

interface EditionText {
  id: number;
  effectiveFrom: string;
  label: string;
  articles: Map<string, string>;
}

/** Each edition's article texts by anchor: a heading or body that differs is a changed article. */
function editionsOf(tx: Executor, codeId: number): EditionText[] {
  return listEditions(tx, codeId).map((e) => ({
    id: e.id,
    effectiveFrom: e.effectiveFrom,
    label: e.label,
    articles: new Map(e.articles.map((a) => [a.anchor, `${a.heading}\n${a.bodyMd}`])),
  }));
}

export interface FlaggedAnswer {
  answerVersionId: number;
  regionId: number;
  anchor: string;
}

/**
 * A new edition of a code was added: every answer in force that cites one of its articles from an older
 * edition whose text this edition changed or dropped gets a review flag, and the facilitators of its
 * region one notification. Runs in the transaction that added the edition.
 */
export function flagAnswersForNewEdition(
  tx: Executor,
  input: { codeId: number; editionId: number; actorId: number | null },
): FlaggedAnswer[] {
  const code = tx.select({ title: t.codes.title }).from(t.codes).where(eq(t.codes.id, input.codeId)).get();
  const editions = editionsOf(tx, input.codeId);
  const added = editions.find((e) => e.id === input.editionId);
  if (!code || !added) return [];
  const cv = t.currentAnswerVersions;
  const cited = tx
    .select({
      answerVersionId: cv.id,
      regionId: cv.regionId,
      agreedOn: cv.agreedOn,
      articleId: t.articles.id,
      anchor: t.articles.anchor,
    })
    .from(t.citations)
    .innerJoin(cv, eq(cv.id, t.citations.answerVersionId))
    .innerJoin(t.articles, eq(t.articles.id, t.citations.articleId))
    .where(eq(t.articles.codeId, input.codeId))
    .all();
  const flagged: FlaggedAnswer[] = [];
  for (const c of cited) {
    const cites = editionInForce(editions, c.agreedOn);
    // Only answers that rest on an older text than the new edition: a later agreement already read it.
    if (!cites || cites.effectiveFrom >= added.effectiveFrom) continue;
    const before = cites.articles.get(c.anchor);
    const after = added.articles.get(c.anchor);
    if (before === undefined || before === after) continue;
    const inserted = tx
      .insert(t.answerReviewFlags)
      .values({
        answerVersionId: c.answerVersionId,
        articleId: c.articleId,
        editionId: added.id,
        change: after === undefined ? "removed" : "changed",
      })
      .onConflictDoNothing()
      .returning({ id: t.answerReviewFlags.id })
      .all();
    if (inserted.length > 0)
      flagged.push({ answerVersionId: c.answerVersionId, regionId: c.regionId, anchor: c.anchor });
  }
  notifyFacilitators(tx, flagged, { codeTitle: code.title, edition: added, actorId: input.actorId });
  return flagged;
}

function notifyFacilitators(
  tx: Executor,
  flagged: FlaggedAnswer[],
  context: { codeTitle: string; edition: EditionText; actorId: number | null },
) {
  const regionIds = [...new Set(flagged.map((f) => f.regionId))];
  if (regionIds.length === 0) return;
  const regions = tx
    .select({ id: t.regions.id, slug: t.regions.slug })
    .from(t.regions)
    .where(inArray(t.regions.id, regionIds))
    .all();
  for (const region of regions) {
    const answers = new Set(flagged.filter((f) => f.regionId === region.id).map((f) => f.answerVersionId)).size;
    const facilitators = tx
      .select({ userId: t.memberships.userId })
      .from(t.memberships)
      .where(
        and(
          eq(t.memberships.regionId, region.id),
          eq(t.memberships.role, "facilitator"),
          eq(t.memberships.status, "active"),
        ),
      )
      .all();
    for (const f of facilitators) {
      notify(tx, {
        userId: f.userId,
        actorId: context.actorId ?? 0,
        kind: "review-needed",
        message: `Herziening nodig: ${answers} ${answers === 1 ? "afspraak citeert" : "afspraken citeren"} een artikel van ${context.codeTitle} dat is gewijzigd per ${context.edition.effectiveFrom} (${context.edition.label}).`,
        href: reviewPath(region.slug),
      });
    }
  }
}
