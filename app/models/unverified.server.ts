import { inArray } from "drizzle-orm";

import type { UnverifiedPoint } from "~/domain/vocabulary";
import type { Db } from "~/utils/db.server";
import * as t from "../../db/schema";

/** The points not yet verified of the given answer versions (only those that have any); for facilitators' eyes. */
export function unverifiedByVersion(db: Db, versionIds: number[]): Map<number, UnverifiedPoint[]> {
  if (versionIds.length === 0) return new Map();
  const rows = db
    .select({ id: t.answerVersions.id, unverified: t.answerVersions.unverified })
    .from(t.answerVersions)
    .where(inArray(t.answerVersions.id, versionIds))
    .all();
  return new Map(rows.filter((r) => r.unverified.length > 0).map((r) => [r.id, r.unverified]));
}
