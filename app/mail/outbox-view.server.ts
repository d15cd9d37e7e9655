import type { Db } from "~/utils/db.server";

export interface OutboxRow {
  id: number;
  recipient: string | null;
  kind: string;
  subject: string;
  text: string;
  status: "pending" | "sent" | "failed";
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
}

/** The outbox for admins: counts per status and the newest mails (failed and waiting first). */
export function readOutbox(db: Db, limit = 100) {
  const counts = Object.fromEntries(
    (
      db.$client.prepare("select status, count(*) as n from mail_outbox group by status").all() as {
        status: string;
        n: number;
      }[]
    ).map((r) => [r.status, r.n]),
  ) as Partial<Record<OutboxRow["status"], number>>;
  const rows = db.$client
    .prepare(
      `select o.id, u.email as recipient, o.kind, o.subject, o.text, o.status, o.attempts,
              o.next_attempt_at as nextAttemptAt, o.last_error as lastError, o.sent_at as sentAt, o.created_at as createdAt
       from mail_outbox o left join users u on u.id = o.user_id
       order by case o.status when 'failed' then 0 when 'pending' then 1 else 2 end, o.id desc limit ?`,
    )
    .all(limit) as OutboxRow[];
  return { counts, rows };
}
