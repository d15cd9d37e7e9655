import { and, asc, eq, inArray, isNull } from "drizzle-orm";

import { recordAudit } from "~/audit/audit-log.server";
import type { ReviewReason } from "~/domain/vocabulary";
import { todayIso } from "~/utils/dates";
import type { Db } from "~/utils/db.server";
import { workflowFailure, type WorkflowResult } from "~/workflow/workflow-result";
import * as t from "../../db/schema";

/** The review cycle when a region has none set. */
export const DEFAULT_REVIEW_YEARS = 3;

export interface ChangedArticle {
  /** `<code-slug>#<anchor>`, as content cites it. */
  ref: string;
  codeTitle: string;
  heading: string;
  change: "changed" | "removed";
  /** The edition that changed it: its label and date, for the notice and the diff link. */
  editionLabel: string;
  effectiveFrom: string;
}

export interface DueAnswer {
  answerId: number;
  versionId: number;
  dilemmaId: number;
  dilemmaSlug: string;
  dilemmaTitle: string;
  version: number;
  agreedOn: string;
  reviewBy: string | null;
  reasons: ReviewReason[];
  changedArticles: ChangedArticle[];
  unverifiedCount: number;
  reconfirmedOn: string | null;
}

/** Open review flags of versions in force, per version. */
export function openFlagsByVersion(db: Db, versionIds: number[]): Map<number, ChangedArticle[]> {
  const out = new Map<number, ChangedArticle[]>();
  if (versionIds.length === 0) return out;
  const rows = db
    .select({
      versionId: t.answerReviewFlags.answerVersionId,
      change: t.answerReviewFlags.change,
      anchor: t.articles.anchor,
      heading: t.articles.heading,
      codeSlug: t.codes.slug,
      codeTitle: t.codes.title,
      editionLabel: t.codeEditions.label,
      effectiveFrom: t.codeEditions.effectiveFrom,
    })
    .from(t.answerReviewFlags)
    .innerJoin(t.articles, eq(t.articles.id, t.answerReviewFlags.articleId))
    .innerJoin(t.codes, eq(t.codes.id, t.articles.codeId))
    .innerJoin(t.codeEditions, eq(t.codeEditions.id, t.answerReviewFlags.editionId))
    .where(and(inArray(t.answerReviewFlags.answerVersionId, versionIds), isNull(t.answerReviewFlags.resolvedAt)))
    .orderBy(asc(t.codes.title), asc(t.articles.position))
    .all();
  for (const r of rows) {
    const list = out.get(r.versionId) ?? [];
    list.push({
      ref: `${r.codeSlug}#${r.anchor}`,
      codeTitle: r.codeTitle,
      heading: r.heading,
      change: r.change,
      editionLabel: r.editionLabel,
      effectiveFrom: r.effectiveFrom,
    });
    out.set(r.versionId, list);
  }
  return out;
}

/** The latest reconfirmation date per version. */
export function reconfirmedOnByVersion(db: Db, versionIds: number[]): Map<number, string> {
  const out = new Map<number, string>();
  if (versionIds.length === 0) return out;
  const rows = db
    .select({ versionId: t.answerReconfirmations.answerVersionId, on: t.answerReconfirmations.confirmedOn })
    .from(t.answerReconfirmations)
    .where(inArray(t.answerReconfirmations.answerVersionId, versionIds))
    .orderBy(asc(t.answerReconfirmations.id))
    .all();
  for (const r of rows) out.set(r.versionId, r.on);
  return out;
}

/**
 * The region's answers in force that need review: past their review date, resting on a changed article,
 * or with points not yet checked. Oldest first (by review date, then agreed date).
 */
export function listDueAnswers(db: Db, regionId: number, today = todayIso()): DueAnswer[] {
  const cv = t.currentAnswerVersions;
  const rows = db
    .select({
      answerId: cv.answerId,
      versionId: cv.id,
      dilemmaId: cv.dilemmaId,
      dilemmaSlug: t.dilemmas.slug,
      dilemmaTitle: t.dilemmas.title,
      version: cv.version,
      agreedOn: cv.agreedOn,
      reviewBy: cv.reviewBy,
      unverified: t.answerVersions.unverified,
    })
    .from(cv)
    .innerJoin(t.dilemmas, eq(t.dilemmas.id, cv.dilemmaId))
    .innerJoin(t.answerVersions, eq(t.answerVersions.id, cv.id))
    .where(eq(cv.regionId, regionId))
    .all();
  const ids = rows.map((r) => r.versionId);
  const flags = openFlagsByVersion(db, ids);
  const reconfirmed = reconfirmedOnByVersion(db, ids);
  const due: DueAnswer[] = [];
  for (const r of rows) {
    const reasons: ReviewReason[] = [];
    if (r.reviewBy !== null && r.reviewBy <= today) reasons.push("review_date");
    if (flags.has(r.versionId)) reasons.push("law_changed");
    if (r.unverified.length > 0) reasons.push("unverified");
    if (reasons.length === 0) continue;
    const { unverified, ...rest } = r;
    due.push({
      ...rest,
      reasons,
      changedArticles: flags.get(r.versionId) ?? [],
      unverifiedCount: unverified.length,
      reconfirmedOn: reconfirmed.get(r.versionId) ?? null,
    });
  }
  const key = (d: DueAnswer) => d.reviewBy ?? "9999-12-31";
  return due.sort(
    (a, b) =>
      key(a).localeCompare(key(b)) ||
      a.agreedOn.localeCompare(b.agreedOn) ||
      a.dilemmaTitle.localeCompare(b.dilemmaTitle, "nl"),
  );
}

/** An answer of the region with a version in force, with its dilemma. */
export function answerInForce(db: Db, regionId: number, answerId: number) {
  const cv = t.currentAnswerVersions;
  return (
    db
      .select({ answerId: cv.answerId, dilemmaId: cv.dilemmaId, dilemmaTitle: t.dilemmas.title })
      .from(cv)
      .innerJoin(t.dilemmas, eq(t.dilemmas.id, cv.dilemmaId))
      .where(and(eq(cv.answerId, answerId), eq(cv.regionId, regionId)))
      .get() ?? null
  );
}

/** `2021-05-20` plus whole years, on the same calendar day (29 February becomes 28 February). */
export function addYears(isoDate: string, years: number): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y + years, m - 1, d));
  if (date.getUTCMonth() !== m - 1) date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
}

/**
 * Herbevestigen: the region confirms its answer in force unchanged. Records who and when, sets the next
 * review date from the region's cycle on the version in force (no new version), and settles the open
 * law-change flags; one transaction with its audit entry.
 */
export function reconfirmAnswer(
  db: Db,
  input: { actorId: number; regionId: number; answerId: number; today?: string },
): WorkflowResult<{ nextReviewBy: string }> {
  const today = input.today ?? todayIso();
  return db.transaction((tx) => {
    const current = tx
      .select({ id: t.currentAnswerVersions.id, reviewBy: t.currentAnswerVersions.reviewBy })
      .from(t.currentAnswerVersions)
      .where(
        and(eq(t.currentAnswerVersions.answerId, input.answerId), eq(t.currentAnswerVersions.regionId, input.regionId)),
      )
      .get();
    if (!current) return workflowFailure(404, "Deze regio heeft geen afspraak in werking om te herbevestigen.");
    const region = tx
      .select({ years: t.regions.reviewYears })
      .from(t.regions)
      .where(eq(t.regions.id, input.regionId))
      .get();
    const nextReviewBy = addYears(today, region?.years ?? DEFAULT_REVIEW_YEARS);
    tx.insert(t.answerReconfirmations)
      .values({
        answerVersionId: current.id,
        confirmedBy: input.actorId,
        confirmedOn: today,
        previousReviewBy: current.reviewBy,
        nextReviewBy,
      })
      .run();
    // The review date is the one field of a published version that its region may move on; the text stays as agreed.
    tx.update(t.answerVersions).set({ reviewBy: nextReviewBy }).where(eq(t.answerVersions.id, current.id)).run();
    tx.update(t.answerReviewFlags)
      .set({ resolvedAt: new Date().toISOString() })
      .where(and(eq(t.answerReviewFlags.answerVersionId, current.id), isNull(t.answerReviewFlags.resolvedAt)))
      .run();
    recordAudit(tx, {
      actorId: input.actorId,
      action: "answer.reconfirm",
      targetType: "answer",
      targetId: input.answerId,
      regionId: input.regionId,
      summary: `herbevestigd; herzien uiterlijk ${nextReviewBy}`,
    });
    return { ok: true as const, nextReviewBy };
  });
}
