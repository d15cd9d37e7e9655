import { eq } from "drizzle-orm";

import { recordAudit } from "~/audit/audit-log.server";
import type { MailPreference } from "~/domain/vocabulary";
import type { Db } from "~/utils/db.server";
import * as t from "../../db/schema";

export function getMailPreference(db: Db, userId: number): MailPreference | null {
  return db.select({ p: t.users.mailPreference }).from(t.users).where(eq(t.users.id, userId)).get()?.p ?? null;
}

/** Sets a member's choice with its audit entry, in one transaction; `via` tells the account page from a mail's link. */
export function setMailPreference(
  db: Db,
  input: { userId: number; preference: MailPreference; via: "account" | "unsubscribe-link" },
): { changed: boolean } {
  return db.transaction((tx) => {
    const current = tx.select({ p: t.users.mailPreference }).from(t.users).where(eq(t.users.id, input.userId)).get();
    if (!current || current.p === input.preference) return { changed: false };
    tx.update(t.users).set({ mailPreference: input.preference }).where(eq(t.users.id, input.userId)).run();
    recordAudit(tx, {
      actorId: input.userId,
      action: input.via === "account" ? "account.mail-preference" : "account.mail-unsubscribed",
      targetType: "user",
      targetId: input.userId,
      summary: input.preference,
    });
    return { changed: true };
  });
}
