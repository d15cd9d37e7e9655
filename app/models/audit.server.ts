import { and, count, desc, eq, gte, like, lt } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";

import type { AuditCategory } from "~/audit/audit-actions";
import { type RegionScope } from "~/auth/region-scope";
import type { Db } from "~/utils/db.server";
import * as t from "../../db/schema";

export interface AuditFilter {
  /** The regions the reader may see (an admin sees every region and also entries without one). */
  scope: RegionScope;
  regionId?: number;
  category?: AuditCategory;
  /** Inclusive ISO dates (yyyy-mm-dd). */
  from?: string;
  to?: string;
}

function nextDay(isoDate: string): string {
  const day = new Date(`${isoDate}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/** Newest first; the actor's name is null for the system and for a deleted account. */
export function listAuditEntries(db: Db, filter: AuditFilter, page: { offset: number; limit: number }) {
  const actor = alias(t.users, "actor");
  const where = and(
    filter.scope.where(t.auditLog.regionId),
    filter.regionId === undefined ? undefined : eq(t.auditLog.regionId, filter.regionId),
    filter.category ? like(t.auditLog.action, `${filter.category}.%`) : undefined,
    filter.from ? gte(t.auditLog.createdAt, filter.from) : undefined,
    filter.to ? lt(t.auditLog.createdAt, nextDay(filter.to)) : undefined,
  );
  const total = db.select({ n: count() }).from(t.auditLog).where(where).get()?.n ?? 0;
  const entries = db
    .select({
      id: t.auditLog.id,
      at: t.auditLog.createdAt,
      action: t.auditLog.action,
      targetType: t.auditLog.targetType,
      targetId: t.auditLog.targetId,
      summary: t.auditLog.summary,
      actorName: actor.name,
      actorId: t.auditLog.actorId,
      regionName: t.regions.name,
    })
    .from(t.auditLog)
    .leftJoin(actor, eq(actor.id, t.auditLog.actorId))
    .leftJoin(t.regions, eq(t.regions.id, t.auditLog.regionId))
    .where(where)
    .orderBy(desc(t.auditLog.id))
    .limit(page.limit)
    .offset(page.offset)
    .all();
  return { total, entries };
}
