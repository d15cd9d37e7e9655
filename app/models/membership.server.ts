import { and, asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";

import { recordAudit } from "~/audit/audit-log.server";
import { type RegionScope } from "~/auth/region-scope";
import type { Db } from "~/utils/db.server";
import * as t from "../../db/schema";

/** Membership requests waiting in the given regions (all regions for an admin). */
export function listPendingMemberships(db: Db, scope: RegionScope) {
  const organisation = alias(t.organisations, "organisation");
  return db
    .select({
      id: t.memberships.id,
      requestedAt: t.memberships.createdAt,
      name: t.users.name,
      email: t.users.email,
      profession: t.users.profession,
      organisation: organisation.name,
      regionName: t.regions.name,
    })
    .from(t.memberships)
    .innerJoin(t.users, eq(t.users.id, t.memberships.userId))
    .innerJoin(t.regions, eq(t.regions.id, t.memberships.regionId))
    .leftJoin(organisation, eq(organisation.id, t.users.organisationId))
    .where(and(eq(t.memberships.status, "pending"), scope.where(t.memberships.regionId)))
    .orderBy(asc(t.memberships.createdAt))
    .all();
}

export type MembershipDecision = "approve" | "reject";

/**
 * Approves or rejects a pending request, with its audit entry in the same transaction. Returns false
 * when the request is not pending in one of the decider's regions (already decided, or elsewhere).
 */
export function decideMembership(
  db: Db,
  input: { membershipId: number; decision: MembershipDecision; deciderId: number; scope: RegionScope },
) {
  return db.transaction((tx) => {
    const membership = tx.select().from(t.memberships).where(eq(t.memberships.id, input.membershipId)).get();
    if (!membership || membership.status !== "pending") return false;
    if (!input.scope.includes(membership.regionId)) return false;
    tx.update(t.memberships)
      .set({
        status: input.decision === "approve" ? "active" : "rejected",
        decidedBy: input.deciderId,
        decidedAt: new Date().toISOString(),
      })
      .where(eq(t.memberships.id, membership.id))
      .run();
    recordAudit(tx, {
      actorId: input.deciderId,
      action: `membership.${input.decision}`,
      targetType: "membership",
      targetId: membership.id,
      regionId: membership.regionId,
    });
    return true;
  });
}

/** Active members of the given regions, for the facilitator's member list. */
export function listRegionMembers(db: Db, scope: RegionScope) {
  return db
    .select({
      userId: t.users.id,
      name: t.users.name,
      email: t.users.email,
      role: t.memberships.role,
      regionName: t.regions.name,
    })
    .from(t.memberships)
    .innerJoin(t.users, eq(t.users.id, t.memberships.userId))
    .innerJoin(t.regions, eq(t.regions.id, t.memberships.regionId))
    .where(and(eq(t.memberships.status, "active"), scope.where(t.memberships.regionId)))
    .orderBy(t.regions.name, t.users.name)
    .all();
}
