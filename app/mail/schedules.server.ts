import { and, eq, inArray, isNull } from "drizzle-orm";

import { MAIL_PREFERENCES, type MailPreference, type NotificationKind } from "~/domain/vocabulary";
import { formatDate, todayIso } from "~/utils/dates";
import type { Db } from "~/utils/db.server";
import { dilemmaPath } from "~/utils/paths";
import * as t from "../../db/schema";
import { composeMail } from "./compose.server";
import { enqueueMail, mailTiming } from "./outbox.server";

const DAY = 24 * 60 * 60 * 1000;

/** The latest weekly digest moment at or before `now`: Monday 06:00 UTC (07:00 or 08:00 in the Netherlands). */
export function digestMoment(now: Date): Date {
  const monday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 6));
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  return monday > now ? new Date(monday.getTime() - 7 * DAY) : monday;
}

/** The latest monthly review-reminder moment at or before `now`: the first of the month, 06:00 UTC. */
export function reminderMoment(now: Date): Date {
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1, 6));
  return first > now ? new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1, 6)) : first;
}

const MAX_LISTED = 25;
const isPreference = (value: string | null): value is MailPreference =>
  value !== null && (MAIL_PREFERENCES as readonly string[]).includes(value);

/**
 * Puts each due weekly digest in the outbox: per user, the notifications of the week before the latest
 * digest moment that no mail carried yet. One transaction per user, which also records the moment, so
 * a restart neither skips nor repeats a digest. Returns how many digests were queued.
 */
export function queueDigests(db: Db, now: Date): number {
  const moment = digestMoment(now).toISOString();
  const weekBefore = new Date(Date.parse(moment) - 7 * DAY).toISOString();
  const users = db.$client
    .prepare(
      `select id, mail_preference as preference from users
       where (mail_preference is null or mail_preference = 'weekly') and (digest_sent_at is null or digest_sent_at < ?)`,
    )
    .all(moment) as { id: number; preference: string | null }[];
  let queued = 0;
  for (const user of users) {
    const preference = isPreference(user.preference) ? user.preference : null;
    db.transaction((tx) => {
      const items = db.$client
        .prepare(
          `select id, kind, message, href from notifications
           where user_id = ? and mailed_at is null and created_at >= ? and created_at < ? order by id`,
        )
        .all(user.id, weekBefore, moment) as { id: number; kind: NotificationKind; message: string; href: string }[];
      const weekly = items.filter((item) => mailTiming(preference, item.kind) === "weekly");
      if (weekly.length > 0) {
        const listed = weekly.slice(0, MAX_LISTED);
        const mail = composeMail({
          userId: user.id,
          subject: `Leertuin: uw weekoverzicht (${weekly.length} ${weekly.length === 1 ? "melding" : "meldingen"})`,
          intro: "Dit gebeurde er de afgelopen week in Leertuin voor u:",
          items: listed.map((item) => ({ line: item.message, href: item.href })),
          more: weekly.length > listed.length ? `En ${weekly.length - listed.length} meer op /meldingen.` : undefined,
        });
        enqueueMail(tx, { userId: user.id, kind: "digest", ...mail });
        tx.update(t.notifications)
          .set({ mailedAt: now.toISOString() })
          .where(
            and(
              inArray(
                t.notifications.id,
                weekly.map((item) => item.id),
              ),
              isNull(t.notifications.mailedAt),
            ),
          )
          .run();
        queued++;
      }
      tx.update(t.users).set({ digestSentAt: moment }).where(eq(t.users.id, user.id)).run();
    });
  }
  return queued;
}

/**
 * Puts each due monthly reminder in the outbox: per active facilitator who has not said "never", the
 * answers of their regions in force and past their review date, oldest first. Returns how many were queued.
 */
export function queueReviewReminders(db: Db, now: Date): number {
  const moment = reminderMoment(now).toISOString();
  const today = todayIso(now);
  const facilitators = db.$client
    .prepare(
      `select distinct u.id from users u join memberships m on m.user_id = u.id
       where m.role = 'facilitator' and m.status = 'active'
         and (u.mail_preference is null or u.mail_preference != 'never')
         and (u.review_reminder_sent_at is null or u.review_reminder_sent_at < ?)`,
    )
    .all(moment) as { id: number }[];
  let queued = 0;
  for (const { id: userId } of facilitators) {
    db.transaction((tx) => {
      const due = db.$client
        .prepare(
          `select d.slug, d.title, r.name as region, cav.review_by as reviewBy
           from current_answer_versions cav
           join answers a on a.id = cav.answer_id and a.status = 'published'
           join dilemmas d on d.id = cav.dilemma_id
           join regions r on r.id = cav.region_id
           join memberships m on m.region_id = cav.region_id and m.user_id = ? and m.role = 'facilitator' and m.status = 'active'
           where cav.review_by is not null and cav.review_by < ?
           order by cav.review_by, d.title`,
        )
        .all(userId, today) as { slug: string; title: string; region: string; reviewBy: string }[];
      if (due.length > 0) {
        const listed = due.slice(0, MAX_LISTED);
        const mail = composeMail({
          userId,
          subject: `Leertuin: ${due.length} ${due.length === 1 ? "afspraak" : "afspraken"} toe aan herziening`,
          intro: "Deze afspraken van uw regio zijn over hun datum voor herziening (oudste eerst):",
          items: listed.map((answer) => ({
            line: `${answer.title} (${answer.region}, herzien uiterlijk ${formatDate(answer.reviewBy)})`,
            href: dilemmaPath(answer.slug),
          })),
          more: due.length > listed.length ? `En ${due.length - listed.length} meer.` : undefined,
        });
        enqueueMail(tx, { userId, kind: "review-reminder", ...mail });
        queued++;
      }
      tx.update(t.users).set({ reviewReminderSentAt: moment }).where(eq(t.users.id, userId)).run();
    });
  }
  return queued;
}
