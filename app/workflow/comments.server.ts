import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import { z } from "zod";

import { recordAudit } from "~/audit/audit-log.server";
import { type RegionScope } from "~/auth/region-scope";
import { type Db, preparedPerDb } from "~/utils/db.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { commentPath } from "~/utils/paths";
import * as t from "../../db/schema";
import { answeringRegionIds, notifyFacilitators } from "./facilitator-notifications.server";
import { notify } from "./notifications.server";
import { ReasonSchema } from "./reason";
import { workflowFailure, type WorkflowResult } from "./workflow-result";

export const CommentSchema = z.object({
  body: z.string().trim().min(2, "Schrijf een reactie.").max(5000, "Gebruik hoogstens 5000 tekens."),
  parentId: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().positive().optional()),
});

export const HideSchema = z.object({
  commentId: z.coerce.number().int().positive(),
  reason: ReasonSchema,
});

/** The same text from the same member in the same place within this time is one comment sent twice. */
const REPEAT_MINUTES = 10;

/** A member's comment on a dilemma, or a reply to a top-level comment (one level deep). */
export function addComment(
  db: Db,
  input: { authorId: number; dilemmaId: number; parentId?: number; body: string },
): WorkflowResult<{ id: number }> {
  return db.transaction((tx) => {
    const dilemma = tx.select().from(t.dilemmas).where(eq(t.dilemmas.id, input.dilemmaId)).get();
    if (!dilemma) return workflowFailure(404, "Dit dilemma bestaat niet.");
    let parent: typeof t.comments.$inferSelect | undefined;
    if (input.parentId !== undefined) {
      parent = tx.select().from(t.comments).where(eq(t.comments.id, input.parentId)).get();
      if (!parent || parent.dilemmaId !== dilemma.id)
        return workflowFailure(404, "De reactie waarop u antwoordt bestaat niet.");
      if (parent.parentId !== null)
        return workflowFailure(409, "U kunt alleen op een reactie antwoorden, niet op een antwoord.");
      if (parent.hiddenAt) return workflowFailure(409, "Deze reactie is verborgen; u kunt er niet op antwoorden.");
    }
    // The form sent twice (a double click or a reload without JavaScript): the comment is already there.
    const since = new Date(Date.now() - REPEAT_MINUTES * 60_000).toISOString();
    const repeat = tx
      .select({ id: t.comments.id })
      .from(t.comments)
      .where(
        and(
          eq(t.comments.dilemmaId, dilemma.id),
          eq(t.comments.authorId, input.authorId),
          parent ? eq(t.comments.parentId, parent.id) : isNull(t.comments.parentId),
          eq(t.comments.bodyMd, input.body),
          gt(t.comments.createdAt, since),
        ),
      )
      .get();
    if (repeat) return { ok: true, id: repeat.id };
    const comment = tx
      .insert(t.comments)
      .values({ dilemmaId: dilemma.id, authorId: input.authorId, parentId: parent?.id ?? null, bodyMd: input.body })
      .returning({ id: t.comments.id })
      .get();
    const href = commentPath(dilemma.slug, comment.id);
    if (parent) {
      notify(tx, {
        userId: parent.authorId,
        actorId: input.authorId,
        kind: "reply",
        message: `Iemand antwoordde op uw reactie bij "${dilemma.title}".`,
        href,
      });
    }
    notifyFacilitators(tx, {
      regionIds: answeringRegionIds(tx, dilemma.id),
      actorId: input.authorId,
      kind: "comment-on-answer",
      message: `Nieuwe reactie bij "${dilemma.title}", waarover uw regio een afspraak heeft.`,
      href,
      except: [parent?.authorId ?? null],
    });
    recordAudit(tx, {
      actorId: input.authorId,
      action: "comment.create",
      targetType: "comment",
      targetId: comment.id,
      regionId: dilemma.originRegionId,
      summary: dilemma.slug,
    });
    return { ok: true, id: comment.id };
  });
}

/**
 * A facilitator of the dilemma's region hides a comment on that dilemma with a reason; the author is
 * told. The comment must belong to the dilemma the request names: the caller guarded the reason for it.
 */
export function hideComment(
  db: Db,
  input: { actorId: number; scope: RegionScope; dilemmaId: number; commentId: number; reason: string },
): WorkflowResult {
  return db.transaction((tx) => {
    const row = tx
      .select({ comment: t.comments, dilemma: t.dilemmas })
      .from(t.comments)
      .innerJoin(t.dilemmas, eq(t.dilemmas.id, t.comments.dilemmaId))
      .where(eq(t.comments.id, input.commentId))
      .get();
    if (!row || row.comment.dilemmaId !== input.dilemmaId)
      return workflowFailure(404, "Deze reactie bestaat niet bij dit dilemma.");
    if (!input.scope.includes(row.dilemma.originRegionId)) {
      return workflowFailure(
        403,
        "Alleen de leertuinbegeleiders van de regio van dit dilemma kunnen reacties verbergen.",
      );
    }
    if (row.comment.hiddenAt) {
      // The same facilitator sending the same form again (a double click): done already.
      const repeated = row.comment.hiddenBy === input.actorId && row.comment.hiddenReason === input.reason;
      return repeated ? { ok: true } : workflowFailure(409, "Deze reactie is al verborgen.");
    }
    tx.update(t.comments)
      .set({ hiddenAt: new Date().toISOString(), hiddenBy: input.actorId, hiddenReason: input.reason })
      .where(eq(t.comments.id, row.comment.id))
      .run();
    notify(tx, {
      userId: row.comment.authorId,
      actorId: input.actorId,
      kind: "comment-hidden",
      message: `Uw reactie bij "${row.dilemma.title}" is verborgen door de leertuinbegeleider; de reden staat bij de reactie.`,
      href: commentPath(row.dilemma.slug, row.comment.id),
    });
    recordAudit(tx, {
      actorId: input.actorId,
      action: "comment.hide",
      targetType: "comment",
      targetId: row.comment.id,
      regionId: row.dilemma.originRegionId,
      summary: row.dilemma.slug,
    });
    return { ok: true };
  });
}

/** The discussion of a dilemma as threads: each top-level comment with its replies, oldest first. */
const discussionQuery = preparedPerDb((db) =>
  db
    .select({
      id: t.comments.id,
      parentId: t.comments.parentId,
      bodyMd: t.comments.bodyMd,
      hiddenReason: t.comments.hiddenReason,
      hiddenAt: t.comments.hiddenAt,
      createdAt: t.comments.createdAt,
      authorName: t.users.name,
    })
    .from(t.comments)
    .leftJoin(t.users, eq(t.users.id, t.comments.authorId))
    .where(eq(t.comments.dilemmaId, sql.placeholder("dilemmaId")))
    .orderBy(asc(t.comments.createdAt), asc(t.comments.id))
    .prepare(),
);

export function listDiscussion(db: Db, dilemmaId: number) {
  const rows = discussionQuery(db)
    .all({ dilemmaId })
    .map((c) => ({
      id: c.id,
      parentId: c.parentId,
      author: c.authorName ?? "voormalig lid",
      createdAt: c.createdAt,
      hidden: c.hiddenAt !== null,
      hiddenReason: c.hiddenReason,
      // A hidden comment's text is not sent to anyone's browser.
      html: c.hiddenAt ? "" : renderMarkdown(c.bodyMd),
    }));
  return rows
    .filter((c) => c.parentId === null)
    .map((c) => ({ ...c, replies: rows.filter((r) => r.parentId === c.id) }));
}
