import { data, redirect } from "@remix-run/node";
import { eq, sql } from "drizzle-orm";

import { getRegionBySlug } from "~/models/region.server";
import { type Db, getDb, preparedPerDb } from "~/utils/db.server";
import { totpRequired } from "~/utils/env.server";
import { notFound } from "~/utils/http.server";
import { totpSetupPath } from "~/utils/paths";
import * as t from "../../db/schema";
import { RegionScope } from "./region-scope";
import { requestOfUser, requireUser, type SessionUser } from "./session.server";

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

/**
 * Facilitator and admin rights need a second factor (REQUIRE_TOTP). Every facilitator and admin check
 * below passes through here: without an authenticator app such a user is sent to set one up from any
 * facilitator or admin page and from every form they submit; on pages everyone may read they simply
 * see what a member sees. Returns false when the rights are withheld.
 */
function secondFactorPresent(user: SessionUser): boolean {
  if (user.totp || !totpRequired()) return true;
  const request = requestOfUser(user);
  if (request && request.method !== "GET" && request.method !== "HEAD") sendToTotpSetup(request);
  return false;
}

/** Sends the request to the set-up page, which explains why, and comes back here afterwards. */
export function sendToTotpSetup(request: Request): never {
  const url = new URL(request.url);
  // After a form submission the page it came from is the place to return to.
  const back = request.method === "GET" ? url.pathname + url.search : url.pathname;
  throw redirect(totpSetupPath({ verplicht: "1", redirectTo: back }));
}

/** Whether the user holds a facilitator or admin role at all (whether or not it may be used yet). */
export function holdsElevatedRole(user: SessionUser): boolean {
  return user.isAdmin || activeMemberships(user).some((m) => m.role === "facilitator");
}

/** Whether the user may act as facilitator in the region: its active facilitator, or an admin. */
export function isFacilitatorOf(user: SessionUser, regionId: number): boolean {
  const role = user.isAdmin || activeMemberships(user).some((m) => m.regionId === regionId && m.role === "facilitator");
  return role && secondFactorPresent(user);
}

export function forbidden(message = "U heeft geen toegang tot deze pagina."): never {
  throw data({ message }, { status: 403 });
}

/** A logged-in facilitator of at least one region (or an admin); anyone else gets 403. */
export async function requireFacilitator(request: Request): Promise<{ user: SessionUser; scope: RegionScope }> {
  const user = await requireUser(request);
  if (holdsElevatedRole(user) && !secondFactorPresent(user)) sendToTotpSetup(request);
  const scope = facilitatorScope(user);
  if (scope.isEmpty) forbidden("Alleen leertuinbegeleiders en beheerders kunnen hier werken.");
  return { user, scope };
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
  if (!isFacilitatorOf(user, regionId)) {
    if (holdsElevatedRole(user) && !secondFactorPresent(user)) sendToTotpSetup(request);
    forbidden("Alleen de leertuinbegeleiders van deze regio kunnen dit doen.");
  }
  return user;
}

/** The region with this slug, or the Dutch 404 page. */
export function requireRegionBySlug(db: Db, slug: string) {
  return getRegionBySlug(db, slug) ?? notFound("Deze regio bestaat niet.");
}

/** A region's page for its facilitators (and admins): 404 for a region that does not exist, else the check above. */
export async function requireFacilitatedRegion(request: Request, slug: string) {
  const region = requireRegionBySlug(getDb(), slug);
  const user = await requireFacilitatorOf(request, region.id);
  return { user, region };
}

/** The regions this user may act for as facilitator: all for an admin. */
export function facilitatorScope(user: SessionUser): RegionScope {
  if (holdsElevatedRole(user) && !secondFactorPresent(user)) return RegionScope.none();
  if (user.isAdmin) return RegionScope.all();
  return RegionScope.of(
    activeMemberships(user)
      .filter((m) => m.role === "facilitator")
      .map((m) => m.regionId),
  );
}

/** The regions this user may propose and suggest for as a member: all for an admin. */
export function memberScope(user: SessionUser): RegionScope {
  return user.isAdmin ? RegionScope.all() : RegionScope.of(activeMemberships(user).map((m) => m.regionId));
}

/** A logged-in platform admin; anyone else gets 403, a visitor is sent to log in. */
export async function requireAdmin(request: Request): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!user.isAdmin) forbidden("Alleen platformbeheerders kunnen hier werken.");
  if (!secondFactorPresent(user)) sendToTotpSetup(request);
  return user;
}
