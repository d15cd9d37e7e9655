import { and, asc, count, eq, exists, inArray, sql } from "drizzle-orm";

import { recordAudit } from "~/audit/audit-log.server";
import type { MEMBERSHIP_ROLES } from "~/domain/vocabulary";
import type { Db } from "~/utils/db.server";
import * as t from "../../db/schema";

export type Role = (typeof MEMBERSHIP_ROLES)[number];

/** People with their platform role and their role in each region; optionally only one region's people. */
export function listPeople(db: Db, options: { regionId?: number; offset: number; limit: number }) {
  const inRegion = options.regionId
    ? exists(
        db
          .select({ one: sql`1` })
          .from(t.memberships)
          .where(and(eq(t.memberships.userId, t.users.id), eq(t.memberships.regionId, options.regionId))),
      )
    : undefined;
  const total = db.select({ n: count() }).from(t.users).where(inRegion).get()?.n ?? 0;
  const people = db
    .select({ id: t.users.id, name: t.users.name, email: t.users.email, isAdmin: t.users.isAdmin })
    .from(t.users)
    .where(inRegion)
    .orderBy(asc(t.users.name), asc(t.users.id))
    .limit(options.limit)
    .offset(options.offset)
    .all();
  const memberships = people.length
    ? db
        .select({
          id: t.memberships.id,
          userId: t.memberships.userId,
          regionName: t.regions.name,
          role: t.memberships.role,
          status: t.memberships.status,
        })
        .from(t.memberships)
        .innerJoin(t.regions, eq(t.regions.id, t.memberships.regionId))
        .where(
          inArray(
            t.memberships.userId,
            people.map((p) => p.id),
          ),
        )
        .orderBy(asc(t.regions.name))
        .all()
    : [];
  return {
    total,
    people: people.map((p) => ({ ...p, memberships: memberships.filter((m) => m.userId === p.id) })),
  };
}

export function countAdmins(db: Pick<Db, "select">): number {
  return db.select({ n: count() }).from(t.users).where(eq(t.users.isAdmin, true)).get()?.n ?? 0;
}

type Outcome = { ok: true; message: string } | { ok: false; message: string };

/** Makes an active member facilitator of their region, or the other way round. */
export function changeMembershipRole(db: Db, input: { actorId: number; membershipId: number; role: Role }): Outcome {
  return db.transaction((tx) => {
    const membership = tx.select().from(t.memberships).where(eq(t.memberships.id, input.membershipId)).get();
    if (!membership) return { ok: false, message: "Dit lidmaatschap bestaat niet (meer)." };
    if (membership.status !== "active") {
      return {
        ok: false,
        message:
          "Alleen een goedgekeurd lidmaatschap krijgt een rol. Beoordeel de aanvraag eerst bij Leden goedkeuren.",
      };
    }
    if (membership.role === input.role) return { ok: true, message: "De rol was al zo; er is niets gewijzigd." };
    tx.update(t.memberships).set({ role: input.role }).where(eq(t.memberships.id, membership.id)).run();
    recordAudit(tx, {
      actorId: input.actorId,
      action: "membership.role-change",
      targetType: "membership",
      targetId: membership.id,
      regionId: membership.regionId,
      summary: `${membership.role} → ${input.role}`,
    });
    return {
      ok: true,
      message: input.role === "facilitator" ? "Het lid is nu leertuinbegeleider." : "De leertuinbegeleider is nu lid.",
    };
  });
}

/** Grants or revokes platform admin; never for oneself, and never so that no admin is left. */
export function setPlatformAdmin(db: Db, input: { actorId: number; userId: number; admin: boolean }): Outcome {
  if (input.actorId === input.userId) {
    return { ok: false, message: "U kunt uw eigen beheerdersrol niet wijzigen. Vraag een andere platformbeheerder." };
  }
  return db.transaction((tx) => {
    const user = tx
      .select({ id: t.users.id, isAdmin: t.users.isAdmin })
      .from(t.users)
      .where(eq(t.users.id, input.userId))
      .get();
    if (!user) return { ok: false, message: "Dit account bestaat niet (meer)." };
    if (user.isAdmin === input.admin) return { ok: true, message: "De rol was al zo; er is niets gewijzigd." };
    if (!input.admin && countAdmins(tx) <= 1)
      return { ok: false, message: "Dit is de laatste platformbeheerder; die rol blijft." };
    tx.update(t.users)
      .set({ isAdmin: input.admin, updatedAt: new Date().toISOString() })
      .where(eq(t.users.id, user.id))
      .run();
    recordAudit(tx, {
      actorId: input.actorId,
      action: input.admin ? "account.admin-grant" : "account.admin-revoke",
      targetType: "user",
      targetId: user.id,
    });
    return {
      ok: true,
      message: input.admin ? "Het account is nu platformbeheerder." : "Het account is geen platformbeheerder meer.",
    };
  });
}
