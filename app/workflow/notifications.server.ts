import { and, count, desc, eq, isNull, sql } from "drizzle-orm";

import type { NotificationKind } from "~/domain/vocabulary";
import { mailNotification } from "~/mail/outbox.server";
import { type Db, type Executor, preparedPerDb } from "~/utils/db.server";
import * as t from "../../db/schema";

/**
 * Tells a user something, in the transaction of the write it is about, and puts the mail for it in the
 * outbox in that same transaction when they want it at once. Nobody is told of their own act.
 */
export function notify(
  tx: Executor,
  input: { userId: number | null; actorId: number; kind: NotificationKind; message: string; href: string },
) {
  if (input.userId === null || input.userId === input.actorId) return;
  const { id } = tx
    .insert(t.notifications)
    .values({ userId: input.userId, kind: input.kind, message: input.message, href: input.href })
    .returning({ id: t.notifications.id })
    .get();
  mailNotification(tx, { id, userId: input.userId, kind: input.kind, message: input.message, href: input.href });
}

const unreadQuery = preparedPerDb((db) =>
  db
    .select({ n: count() })
    .from(t.notifications)
    .where(and(eq(t.notifications.userId, sql.placeholder("userId")), isNull(t.notifications.readAt)))
    .prepare(),
);

export function unreadCount(db: Db, userId: number): number {
  return unreadQuery(db).get({ userId })?.n ?? 0;
}

export function listNotifications(db: Db, userId: number, limit = 100) {
  return db
    .select()
    .from(t.notifications)
    .where(eq(t.notifications.userId, userId))
    .orderBy(desc(t.notifications.id))
    .limit(limit)
    .all();
}

export function markAllRead(db: Db, userId: number) {
  db.update(t.notifications)
    .set({ readAt: new Date().toISOString() })
    .where(and(eq(t.notifications.userId, userId), isNull(t.notifications.readAt)))
    .run();
}
