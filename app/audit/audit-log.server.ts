import type { Db } from "~/utils/db.server";
import * as t from "../../db/schema";

type Writer = Pick<Db, "insert">;

export interface AuditEntry {
  actorId: number | null;
  action: string;
  targetType: string;
  targetId: string | number;
  regionId?: number | null;
  /** A short description without personal free text: the log outlives the records it describes. */
  summary?: string;
}

/** Appends one entry; call it with the transaction of the write it describes. */
export function recordAudit(writer: Writer, entry: AuditEntry) {
  writer
    .insert(t.auditLog)
    .values({
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: String(entry.targetId),
      regionId: entry.regionId ?? null,
      summary: entry.summary ?? "",
    })
    .run();
}
