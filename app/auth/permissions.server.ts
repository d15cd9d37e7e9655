import { data } from "@remix-run/node";
import { eq, sql } from "drizzle-orm";

import { getDb, preparedPerDb } from "~/utils/db.server";
import * as t from "../../db/schema";
import { requireUser, type SessionUser } from "./session.server";

export interface Membership {
  regionId: number;
  regionSlug: string;
  regionName: string;
  role: "member" | "facilitator";
  status: "pending" | "active" | "rejected";
}

const membershipsOfUser = preparedPerDb((db) =>
  db
    .select({
      regionId: t.regions.id,
      regionSlug: t.regions.slug,
      regionName: t.regions.name,
      role: t.memberships.role,
      status: t.memberships.status,
    })
    .from(t.memberships)
    .innerJoin(t.regions, eq(t.regions.id, t.memberships.regionId))
    .where(eq(t.memberships.userId, sql.placeholder("userId")))
    .prepare(),
);

export function getMemberships(userId: number): Membership[] {
  return membershipsOfUser(getDb()).all({ userId });
}

/**
 * The approved memberships of a request's user, read once per request: getUser gives each request
 * its own user object, and no action reads memberships after changing them.
 */
const activeOfUser = new WeakMap<SessionUser, Membership[]>();

/** The regions in which the user is an approved member (any role). */
export function activeMemberships(user: SessionUser): Membership[] {
  let active = activeOfUser.get(user);
  if (!active) {
    active = getMemberships(user.id).filter((m) => m.status === "active");
    activeOfUser.set(user, active);
  }
  return active;
}

/** Whether the user may act as facilitator in the region: its active facilitator, or an admin. */
export function isFacilitatorOf(user: SessionUser, regionId: number): boolean {
  return user.isAdmin || activeMemberships(user).some((m) => m.regionId === regionId && m.role === "facilitator");
}

export function forbidden(message = "U heeft geen toegang tot deze pagina."): never {
  throw data({ message }, { status: 403 });
}

/** A logged-in facilitator of at least one region (or an admin); anyone else gets 403. */
export async function requireFacilitator(
  request: Request,
): Promise<{ user: SessionUser; regionIds: number[] | "all" }> {
  const user = await requireUser(request);
  const regionIds = facilitatedRegionIds(user);
  if (regionIds !== "all" && regionIds.length === 0)
    forbidden("Alleen leertuinbegeleiders en beheerders kunnen hier werken.");
  return { user, regionIds };
}

/**
 * An approved member of at least one region, or an admin: who may read proposals, propose, comment.
 * A visitor is sent to log in; a pending or rejected applicant gets 403.
 */
export async function requireMember(request: Request): Promise<{ user: SessionUser; memberships: Membership[] }> {
  const user = await requireUser(request);
  const memberships = activeMemberships(user);
  if (memberships.length === 0 && !user.isAdmin) {
    forbidden("Dit kan pas als uw lidmaatschap is goedgekeurd door de leertuinbegeleider van uw regio.");
  }
  return { user, memberships };
}

/** Whether a logged-in user may read proposals and discussions (without sending anyone away). */
export function isMember(user: SessionUser | null): boolean {
  return user !== null && (user.isAdmin || activeMemberships(user).length > 0);
}

/** The facilitator of this region (or an admin); anyone else gets 403, a visitor is sent to log in. */
export async function requireFacilitatorOf(request: Request, regionId: number): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!isFacilitatorOf(user, regionId)) forbidden("Alleen de leertuinbegeleiders van deze regio kunnen dit doen.");
  return user;
}

/** The regions this user may act for as facilitator: all for an admin. */
export function facilitatedRegionIds(user: SessionUser): number[] | "all" {
  if (user.isAdmin) return "all";
  return activeMemberships(user)
    .filter((m) => m.role === "facilitator")
    .map((m) => m.regionId);
}

/** A logged-in platform admin; anyone else gets 403, a visitor is sent to log in. */
export async function requireAdmin(request: Request): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!user.isAdmin) forbidden("Alleen platformbeheerders kunnen hier werken.");
  return user;
}
