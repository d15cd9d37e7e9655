import { isNotNull, lt, lte, or } from "drizzle-orm";

import { recordAudit } from "~/audit/audit-log.server";
import type { Db } from "~/utils/db.server";
import * as t from "../../db/schema";

export interface RetentionOutcome {
  auditEntries: number;
  sessions: number;
  passwordResets: number;
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * Removes what the privacy statement says is kept no longer: audit entries older than the retention
 * period, expired sessions, and reset links that expired or were used. One transaction; it leaves an
 * audit entry of its own only when it removed something.
 */
export function applyRetention(db: Db, auditLogDays: number, now = new Date()): RetentionOutcome {
  const nowIso = now.toISOString();
  const auditCutoff = new Date(now.getTime() - auditLogDays * DAY).toISOString();
  return db.transaction((tx) => {
    const outcome = {
      auditEntries: tx.delete(t.auditLog).where(lt(t.auditLog.createdAt, auditCutoff)).run().changes,
      sessions: tx.delete(t.sessions).where(lte(t.sessions.expiresAt, nowIso)).run().changes,
      passwordResets: tx
        .delete(t.passwordResets)
        .where(or(lte(t.passwordResets.expiresAt, nowIso), isNotNull(t.passwordResets.usedAt)))
        .run().changes,
    };
    if (outcome.auditEntries + outcome.sessions + outcome.passwordResets > 0)
      recordAudit(tx, {
        actorId: null,
        action: "system.retention",
        targetType: "system",
        targetId: "retention",
        summary: `${outcome.auditEntries} logregels ouder dan ${auditLogDays} dagen, ${outcome.sessions} verlopen sessies, ${outcome.passwordResets} herstellinks`,
      });
    return outcome;
  });
}
