import { asc, eq } from "drizzle-orm";

import * as t from "../../db/schema";
import type { Db } from "~/utils/db.server";

/** How a comment reads whose author deleted their account: the words stay, the person does not. */
export const FORMER_MEMBER = "voormalig lid";

/** A dilemma's discussion in order, each comment with the name to show beside it. */
export function listComments(db: Db, dilemmaId: number) {
  return db
    .select({
      id: t.comments.id,
      parentId: t.comments.parentId,
      authorName: t.users.name,
      bodyMd: t.comments.bodyMd,
      hiddenReason: t.comments.hiddenReason,
      createdAt: t.comments.createdAt,
    })
    .from(t.comments)
    .leftJoin(t.users, eq(t.users.id, t.comments.authorId))
    .where(eq(t.comments.dilemmaId, dilemmaId))
    .orderBy(asc(t.comments.createdAt), asc(t.comments.id))
    .all()
    .map((c) => ({ ...c, authorName: c.authorName ?? FORMER_MEMBER }));
}
