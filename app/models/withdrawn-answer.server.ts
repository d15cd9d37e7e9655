import { and, asc, eq, sql } from "drizzle-orm";

import { type Db, preparedPerDb } from "~/utils/db.server";
import * as t from "../../db/schema";

const withdrawnQuery = preparedPerDb((db) =>
  db
    .select({
      regionSlug: t.regions.slug,
      regionName: t.regions.name,
      reason: t.answers.withdrawnReason,
      // withdrawAnswer sets updated_at; the only other write to the row, publishing, ends the withdrawal.
      withdrawnAt: t.answers.updatedAt,
      lastVersion: sql<number>`(select max(v.version) from answer_versions v where v.answer_id = ${t.answers.id} and v.published_at is not null)`,
    })
    .from(t.answers)
    .innerJoin(t.regions, eq(t.regions.id, t.answers.regionId))
    .where(and(eq(t.answers.dilemmaId, sql.placeholder("dilemmaId")), eq(t.answers.status, "withdrawn")))
    .orderBy(asc(t.regions.name))
    .prepare(),
);

/**
 * The regions that withdrew their answer to a dilemma, with the reason and when. Nothing of the
 * answer's text: its versions left the library with the withdrawal.
 */
export function listWithdrawnAnswers(db: Db, dilemmaId: number) {
  return withdrawnQuery(db).all({ dilemmaId });
}
