import { data } from "@remix-run/node";
import { and, eq } from "drizzle-orm";

import * as t from "../../db/schema";
import { getDb } from "~/utils/db.server";

import { requireUser, type SessionUser } from "./session.server";

export interface Membership {
  regionId: number;
  regionSlug: string;
  regionName: string;
  role: "member" | "facilitator";
  status: "pending" | "active" | "rejected";
}

export function getMemberships(userId: number): Membership[] {
  return getDb()
    .select({
      regionId: t.regions.id,
      regionSlug: t.regions.slug,
      regionName: t.regions.name,
      role: t.memberships.role,
      status: t.memberships.status,
    })
    .from(t.memberships)
    .innerJoin(t.regions, eq(t.regions.id, t.memberships.regionId))
    .where(eq(t.memberships.userId, userId))
    .all();
}

/** Whether the user may act as facilitator in the region: its active facilitator, or an admin. */
export function isFacilitatorOf(user: SessionUser, regionId: number): boolean {
  if (user.isAdmin) return true;
  const membership = getDb()
    .select({ role: t.memberships.role, status: t.memberships.status })
    .from(t.memberships)
    .where(and(eq(t.memberships.userId, user.id), eq(t.memberships.regionId, regionId)))
    .get();
  return membership?.role === "facilitator" && membership.status === "active";
}

export function forbidden(message = "U heeft geen toegang tot deze pagina."): never {
  throw data({ message }, { status: 403 });
}

/** A logged-in facilitator of at least one region (or an admin); anyone else gets 403. */
export async function requireFacilitator(request: Request): Promise<{ user: SessionUser; regionIds: number[] | "all" }> {
  const user = await requireUser(request);
  if (user.isAdmin) return { user, regionIds: "all" };
  const regionIds = getMemberships(user.id)
    .filter((m) => m.role === "facilitator" && m.status === "active")
    .map((m) => m.regionId);
  if (regionIds.length === 0) forbidden("Alleen leertuinbegeleiders en beheerders kunnen hier werken.");
  return { user, regionIds };
}

/** A logged-in platform admin; anyone else gets 403, a visitor is sent to log in. */
export async function requireAdmin(request: Request): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!user.isAdmin) forbidden("Alleen platformbeheerders kunnen hier werken.");
  return user;
}
