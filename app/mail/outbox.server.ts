import { eq } from "drizzle-orm";

import type { MailKind, MailPreference, NotificationKind } from "~/domain/vocabulary";
import type { Executor } from "~/utils/db.server";
import { singleton } from "~/utils/singleton.server";
import * as t from "../../db/schema";
import { type ComposedMail, composeMail } from "./compose.server";

/** A facilitator's agenda and their region's answers: by default mailed at once, the rest weekly. */
const AGENDA_KINDS: ReadonlySet<NotificationKind> = new Set([
  "proposal-new",
  "suggestion-new",
  "answer-adopted",
  "comment-on-answer",
  "review-needed",
]);

/** When a notification of this kind goes out for someone with this preference (null: the default). */
export function mailTiming(preference: MailPreference | null, kind: NotificationKind): MailPreference {
  return preference ?? (AGENDA_KINDS.has(kind) ? "immediately" : "weekly");
}

// The worker registers here; the HTTP server and the Remix build each load this module, hence the singleton.
const waker = () => singleton("mail-waker", () => ({ wake: null as (() => void) | null }));

export function onMailQueued(wake: (() => void) | null) {
  waker().wake = wake;
}

/**
 * Puts a mail in the outbox in the caller's transaction. The worker is woken on the next turn of the
 * event loop: better-sqlite3's transactions are synchronous, so by then it has committed (or rolled back).
 */
export function enqueueMail(tx: Executor, input: { userId: number; kind: MailKind } & ComposedMail) {
  tx.insert(t.mailOutbox)
    .values({ userId: input.userId, kind: input.kind, subject: input.subject, text: input.text, html: input.html })
    .run();
  const wake = waker().wake;
  if (wake) setImmediate(wake);
}

/** Called by notify() in its transaction: mails the notification now when the recipient wants it at once. */
export function mailNotification(
  tx: Executor,
  notification: { id: number; userId: number; kind: NotificationKind; message: string; href: string },
) {
  const user = tx
    .select({ preference: t.users.mailPreference })
    .from(t.users)
    .where(eq(t.users.id, notification.userId))
    .get();
  if (!user || mailTiming(user.preference, notification.kind) !== "immediately") return;
  const mail = composeMail({
    userId: notification.userId,
    subject: `Leertuin: ${subjectOf(notification.kind)}`,
    intro: "Er is iets nieuws in Leertuin voor u:",
    items: [{ line: notification.message, href: notification.href }],
  });
  enqueueMail(tx, { userId: notification.userId, kind: "notification", ...mail });
  tx.update(t.notifications)
    .set({ mailedAt: new Date().toISOString() })
    .where(eq(t.notifications.id, notification.id))
    .run();
}

const SUBJECTS: Record<NotificationKind, string> = {
  "proposal-accepted": "uw voorstel staat op de agenda",
  "proposal-rejected": "uw voorstel is niet aangenomen",
  "proposal-merged": "uw voorstel is samengevoegd",
  "proposal-answered": "er is een afspraak over uw voorstel",
  reply: "iemand antwoordde op uw reactie",
  "comment-hidden": "uw reactie is verborgen",
  "suggestion-decided": "besluit over uw overnamevoorstel",
  "proposal-new": "nieuw voorstel voor uw regio",
  "suggestion-new": "nieuw overnamevoorstel voor uw agenda",
  "answer-adopted": "een andere regio nam uw afspraak over",
  "comment-on-answer": "nieuwe reactie bij een afspraak van uw regio",
  "review-needed": "een gewijzigde wet of code raakt een afspraak van uw regio",
};

/** A subject of a few words per kind; the title of the dilemma stays in the body. */
export function subjectOf(kind: NotificationKind): string {
  return SUBJECTS[kind];
}
