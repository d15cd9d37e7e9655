import { and, eq, gt, isNull } from "drizzle-orm";

import { recordAudit } from "~/audit/audit-log.server";
import type { Db, Executor } from "~/utils/db.server";
import * as t from "../../db/schema";
import { hashPassword } from "./password.server";
import { RESET_LINK_HOURS } from "./password-rules";
import { type RegionScope } from "./region-scope";
import { hashToken, newToken } from "./tokens.server";

export interface ResetIssuer {
  id: number;
  isAdmin: boolean;
  /** The regions the issuer facilitates (every region for an admin). */
  scope: RegionScope;
}

/**
 * Whether the issuer may reset this user's password. A facilitator may for members of their own
 * regions, but never for an admin or for someone who facilitates a region they don't: the link is
 * shown to the issuer, so it must not open more rights than the issuer already has.
 */
function mayReset(db: Executor, issuer: ResetIssuer, userId: number): { regionId: number | null } | null {
  if (userId === issuer.id) return null;
  const target = db.select({ isAdmin: t.users.isAdmin }).from(t.users).where(eq(t.users.id, userId)).get();
  if (!target) return null;
  if (issuer.scope.isAll) return { regionId: null };
  if (target.isAdmin) return null;
  const memberships = db.select().from(t.memberships).where(eq(t.memberships.userId, userId)).all();
  const shared = memberships.find((m) => issuer.scope.includes(m.regionId) && m.status !== "rejected");
  const facilitatesElsewhere = memberships.some((m) => m.role === "facilitator" && !issuer.scope.includes(m.regionId));
  return shared && !facilitatesElsewhere ? { regionId: shared.regionId } : null;
}

/** Makes a one-time link token (returned once, stored hashed), or null when the issuer may not. */
export function issuePasswordReset(db: Db, issuer: ResetIssuer, userId: number): string | null {
  return db.transaction((tx) => {
    const allowed = mayReset(tx, issuer, userId);
    if (!allowed) return null;
    const token = newToken();
    const expiresAt = new Date(Date.now() + RESET_LINK_HOURS * 60 * 60 * 1000).toISOString();
    // A new link replaces any earlier one that was not used.
    tx.delete(t.passwordResets)
      .where(and(eq(t.passwordResets.userId, userId), isNull(t.passwordResets.usedAt)))
      .run();
    tx.insert(t.passwordResets)
      .values({ tokenHash: hashToken(token), userId, createdBy: issuer.id, expiresAt })
      .run();
    recordAudit(tx, {
      actorId: issuer.id,
      action: "account.reset-link-issued",
      targetType: "user",
      targetId: userId,
      regionId: allowed.regionId,
    });
    return token;
  });
}

/** The account a reset token belongs to, while it is unused and not expired. */
export function findPasswordReset(db: Executor, token: string) {
  return (
    db
      .select({ userId: t.users.id, email: t.users.email, name: t.users.name })
      .from(t.passwordResets)
      .innerJoin(t.users, eq(t.users.id, t.passwordResets.userId))
      .where(
        and(
          eq(t.passwordResets.tokenHash, hashToken(token)),
          isNull(t.passwordResets.usedAt),
          gt(t.passwordResets.expiresAt, new Date().toISOString()),
        ),
      )
      .get() ?? null
  );
}

/**
 * Sets the new password, uses up the link and ends every session of the account, in one
 * transaction. False when the link is no longer valid (used meanwhile, or expired).
 */
export async function resetPassword(db: Db, token: string, password: string): Promise<boolean> {
  const passwordHash = await hashPassword(password);
  return db.transaction((tx) => {
    const reset = findPasswordReset(tx, token);
    if (!reset) return false;
    tx.update(t.passwordResets)
      .set({ usedAt: new Date().toISOString() })
      .where(eq(t.passwordResets.tokenHash, hashToken(token)))
      .run();
    tx.update(t.users)
      .set({ passwordHash, updatedAt: new Date().toISOString() })
      .where(eq(t.users.id, reset.userId))
      .run();
    tx.delete(t.sessions).where(eq(t.sessions.userId, reset.userId)).run();
    recordAudit(tx, {
      actorId: reset.userId,
      action: "account.password-reset",
      targetType: "user",
      targetId: reset.userId,
    });
    return true;
  });
}
