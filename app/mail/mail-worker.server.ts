import type { Transporter } from "nodemailer";

import { publicOrigin } from "~/http/public-origin.server";
import { currentPrimary } from "~/http/replica.server";
import { getDb } from "~/utils/db.server";
import { singleton } from "~/utils/singleton.server";
import { unsubscribeUrl } from "./compose.server";
import { onMailQueued } from "./outbox.server";
import { queueDigests, queueReviewReminders } from "./schedules.server";
import { createSmtpTransport, mailFrom, mailFromAddress } from "./smtp.server";

/** After this many failed attempts a mail is marked failed (by then it has been tried for nearly three days). */
export const MAX_ATTEMPTS = 20;
const BATCH = 50;
const POLL_MS = 30_000;

/** Wait before attempt n+1 after n failures: 1, 2, 4 … minutes, at most 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 60 * 60 * 1000);
}

interface DueMail {
  id: number;
  userId: number;
  email: string;
  subject: string;
  text: string;
  html: string;
  attempts: number;
}

export interface MailRun {
  sent: number;
  failed: number;
  queued: number;
}

/**
 * Sends what is due in the outbox, oldest first, one by one; a failure waits with exponential
 * back-off. Also queues the digests and reminders whose moment has passed. `now` is injectable for tests.
 */
export async function runMailOnce(transport: Transporter | null, now = new Date()): Promise<MailRun> {
  // A LiteFS read replica cannot write: only the primary queues and sends (the primary can move, so asked per round).
  if (currentPrimary() !== undefined) return { sent: 0, failed: 0, queued: 0 };
  const db = getDb();
  const queued = queueDigests(db, now) + queueReviewReminders(db, now);
  const run: MailRun = { sent: 0, failed: 0, queued };
  if (!transport) return run;
  const due = db.$client
    .prepare(
      `select o.id, o.user_id as userId, u.email, o.subject, o.text, o.html, o.attempts
       from mail_outbox o join users u on u.id = o.user_id
       where o.status = 'pending' and o.next_attempt_at <= ? order by o.next_attempt_at, o.id limit ?`,
    )
    .all(now.toISOString(), BATCH) as DueMail[];
  const host = new URL(publicOrigin()).hostname;
  // Whoever unsubscribed after a mail was queued gets nothing more (RFC 8058), also in the middle of a
  // batch: asked per mail, right before it goes. The row stays, marked.
  const unsubscribed = db.$client.prepare(
    `update mail_outbox set status = 'failed', last_error = 'Niet verzonden: de ontvanger heeft zich afgemeld.'
     where id = ? and user_id in (select id from users where mail_preference = 'never')`,
  );
  for (const mail of due) {
    if (unsubscribed.run(mail.id).changes > 0) continue;
    try {
      await transport.sendMail({
        from: mailFrom(),
        to: mail.email,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        // One id per outbox row: should a crash repeat a send, the receiving side can tell it is the same mail.
        messageId: `<outbox-${mail.id}@${host}>`,
        headers: {
          "List-Unsubscribe": `<${unsubscribeUrl(mail.userId)}>, <mailto:${mailFromAddress()}?subject=afmelden>`,
          "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
          "Auto-Submitted": "auto-generated",
        },
      });
      db.$client
        .prepare(
          "update mail_outbox set status = 'sent', sent_at = ?, attempts = attempts + 1, last_error = null where id = ?",
        )
        .run(new Date().toISOString(), mail.id);
      run.sent++;
    } catch (error) {
      const attempts = mail.attempts + 1;
      const message = error instanceof Error ? error.message : String(error);
      db.$client
        .prepare("update mail_outbox set status = ?, attempts = ?, next_attempt_at = ?, last_error = ? where id = ?")
        .run(
          attempts >= MAX_ATTEMPTS ? "failed" : "pending",
          attempts,
          new Date(now.getTime() + retryDelayMs(attempts)).toISOString(),
          message.slice(0, 500),
          mail.id,
        );
      run.failed++;
      // The server is unreachable: the rest of the batch waits for the next round instead of piling up attempts.
      if (!(error as { responseCode?: number }).responseCode) break;
    }
  }
  return run;
}

interface Worker {
  timer: NodeJS.Timeout | null;
  transport: Transporter | null;
  /** The running round, so rounds never overlap (a mail is never sent twice at once). */
  chain: Promise<unknown>;
  /** A woken round waits in the line: further wake-ups before it starts need no round of their own. */
  wakeWaiting: boolean;
}

const worker = () =>
  singleton<Worker>("mail-worker", () => ({
    timer: null,
    transport: null,
    chain: Promise.resolve(),
    wakeWaiting: false,
  }));

/** One round after the ones already running; the rounds of the timer, a wake-up and a test share the line. */
export function mailRound(now?: Date, onStart?: () => void): Promise<MailRun> {
  const w = worker();
  const next = w.chain.then(() => {
    onStart?.();
    return runMailOnce(w.transport, now ?? new Date());
  });
  w.chain = next.catch((error) => console.error("mail worker:", error));
  return next;
}

/** Started by startServer: sends every POLL_MS, at once after a mail is queued, and first what a restart left. */
export function startMailWorker() {
  const w = worker();
  if (w.timer) return;
  w.transport = createSmtpTransport();
  w.timer = setInterval(() => void mailRound().catch(() => {}), POLL_MS);
  w.timer.unref();
  onMailQueued(() => {
    if (w.wakeWaiting) return;
    w.wakeWaiting = true;
    void mailRound(undefined, () => (w.wakeWaiting = false)).catch(() => {});
  });
  void mailRound().catch(() => {});
}

/** Stopped at shutdown: no new rounds; the one running finishes. */
export async function stopMailWorker() {
  const w = worker();
  if (w.timer) clearInterval(w.timer);
  w.timer = null;
  onMailQueued(null);
  await w.chain;
  w.transport?.close();
  w.transport = null;
}
