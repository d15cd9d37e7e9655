import { and, eq, isNotNull } from "drizzle-orm";

import { ANSWER_SECTIONS, ROUTE_LABELS, VERDICT_LABELS } from "~/domain/vocabulary";
import type { Db } from "~/utils/db.server";
import * as t from "../../db/schema";
import { compareLists, diffMarkdown, normaliseCondition } from "./word-diff.server";

type VersionText = Pick<
  typeof t.answerVersions.$inferSelect,
  "verdict" | "route" | "groundingMd" | "purposeMd" | "necessityMd" | "proportionalityMd" | "agreementMd" | "conditions"
>;

/**
 * What changed from one version to another — a revision against the version before it, or an adopted
 * version against the one it was taken from: verdict, route, each section word by word, conditions.
 * Only what differs is listed.
 */
export function versionChanges(before: VersionText, after: VersionText) {
  const facts = [
    before.verdict !== after.verdict && {
      label: "Oordeel",
      before: VERDICT_LABELS[before.verdict],
      after: VERDICT_LABELS[after.verdict],
    },
    before.route !== after.route && {
      label: "Route",
      before: ROUTE_LABELS[before.route],
      after: ROUTE_LABELS[after.route],
    },
  ].filter((fact): fact is { label: string; before: string; after: string } => Boolean(fact));
  const sections = ANSWER_SECTIONS.map(({ key, heading, field }) => ({
    key,
    heading,
    ...diffMarkdown(before[field], after[field]),
  })).filter((section) => section.left.some((s) => s.changed) || section.right.some((s) => s.changed));
  const conditions = compareLists(before.conditions, after.conditions, normaliseCondition);
  return {
    facts,
    sections,
    conditionsAdded: conditions.onlyRight,
    conditionsRemoved: conditions.onlyLeft,
    same:
      facts.length === 0 &&
      sections.length === 0 &&
      conditions.onlyLeft.length === 0 &&
      conditions.onlyRight.length === 0,
  };
}

export type VersionChanges = ReturnType<typeof versionChanges>;

/**
 * The text of a published version whose answer is still in the library, or undefined: a withdrawn
 * answer's words (or a draft's) must not reappear on the page of an answer adopted from it.
 */
export function getPublicVersionText(db: Db, versionId: number): VersionText | undefined {
  return db
    .select({ version: t.answerVersions })
    .from(t.answerVersions)
    .innerJoin(t.answers, eq(t.answers.id, t.answerVersions.answerId))
    .where(
      and(
        eq(t.answerVersions.id, versionId),
        isNotNull(t.answerVersions.publishedAt),
        eq(t.answers.status, "published"),
      ),
    )
    .get()?.version;
}
