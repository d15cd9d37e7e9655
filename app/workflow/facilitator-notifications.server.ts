import { and, eq, inArray } from "drizzle-orm";

import type { NotificationKind } from "~/domain/vocabulary";
import type { Executor } from "~/utils/db.server";
import * as t from "../../db/schema";
import { notify } from "./notifications.server";

/** The active facilitators of some regions, each once. */
function facilitatorsOf(tx: Executor, regionIds: readonly number[]): number[] {
  if (regionIds.length === 0) return [];
  const rows = tx
    .select({ userId: t.memberships.userId })
    .from(t.memberships)
    .where(
      and(
        inArray(t.memberships.regionId, [...regionIds]),
        eq(t.memberships.role, "facilitator"),
        eq(t.memberships.status, "active"),
      ),
    )
    .all();
  return [...new Set(rows.map((r) => r.userId))];
}

/**
 * Tells the facilitators of some regions something, in the transaction of the write it is about; the
 * actor is never told of their own act, and nobody in `except` (already told otherwise) is told twice.
 */
export function notifyFacilitators(
  tx: Executor,
  input: {
    regionIds: readonly number[];
    actorId: number;
    kind: NotificationKind;
    message: string;
    href: string;
    except?: readonly (number | null)[];
  },
) {
  for (const userId of facilitatorsOf(tx, input.regionIds)) {
    if (input.except?.includes(userId)) continue;
    notify(tx, { userId, actorId: input.actorId, kind: input.kind, message: input.message, href: input.href });
  }
}

/** The regions with a published answer on a dilemma: whose facilitators hear of its discussion. */
export function answeringRegionIds(tx: Executor, dilemmaId: number): number[] {
  return tx
    .select({ regionId: t.answers.regionId })
    .from(t.answers)
    .where(and(eq(t.answers.dilemmaId, dilemmaId), eq(t.answers.status, "published")))
    .all()
    .map((r) => r.regionId);
}

/** The region whose answer a version belongs to (the source of an adoption). */
export function regionOfVersion(tx: Executor, versionId: number): number | null {
  return (
    tx
      .select({ regionId: t.answers.regionId })
      .from(t.answerVersions)
      .innerJoin(t.answers, eq(t.answers.id, t.answerVersions.answerId))
      .where(eq(t.answerVersions.id, versionId))
      .get()?.regionId ?? null
  );
}
