// Mail through a real SMTP server (smtp-server on a port of its own): the outbox, the worker's
// retries, the weekly digest and one-click unsubscribe, end to end over HTTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { mailRound, startMailWorker, stopMailWorker } from "../../app/mail/mail-worker.server";
import { digestMoment } from "../../app/mail/schedules.server";
import { notify } from "../../app/workflow/notifications.server";
import { DEMO, httpClient, proposalForm } from "../support/http";
import { type ReceivedMail, smtpSink } from "../support/smtp-sink";
import { useTestServer } from "../support/test-server";

const smtp = smtpSink();
beforeAll(async () => {
  await smtp.start();
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = "Leertuin <leertuin@example.org>";
});
afterAll(() => smtp.stop());

const server = useTestServer({ mailWorker: true });
const http = httpClient(server);

const SECRET_SITUATION =
  "Een leerling vertelt over spanningen thuis en wil niet dat de school iets doet; het speelt sinds de muzieklessen.";

async function propose(title: string, who: string = DEMO.member) {
  const response = await http.post(
    "/voorstellen",
    proposalForm({ title, situation: SECRET_SITUATION }),
    await http.logIn(who),
  );
  expect(response.status).toBe(302);
  return /\/dilemmas\/([a-z0-9-]+)\?/.exec(response.headers.get("location")!)![1]!;
}

const userId = (email: string) => http.one<{ id: number }>("select id from users where email = ?", email)!.id;
const mailsTo = (email: string, subject?: string) =>
  smtp.received.filter((m) => m.to.includes(email) && (!subject || m.subject.includes(subject)));

async function until<T>(check: () => T | undefined | false, what: string, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`waited ${ms} ms for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const facilitatorsOfZeeland = () =>
  http
    .sql<{ email: string }>(
      "select u.email from users u join memberships m on m.user_id = u.id join regions r on r.id = m.region_id where r.slug = 'zeeland' and m.role = 'facilitator' and m.status = 'active'",
    )
    .map((r) => r.email);

describe("a proposal by a member", () => {
  it("reaches the region's facilitators' inboxes: subject, link and unsubscribe headers, titles only", async () => {
    smtp.received.length = 0;
    const title = "Zorgen over een broertje op de opvang";
    await propose(title);
    const facilitators = facilitatorsOfZeeland();
    expect(facilitators).toContain(DEMO.facilitator);
    for (const email of facilitators)
      await until(() => mailsTo(email, "nieuw voorstel").length > 0, `mail to ${email}`);

    const [mail] = mailsTo(DEMO.facilitator, "nieuw voorstel") as [ReceivedMail];
    expect(mail.subject).toBe("Leertuin: nieuw voorstel voor uw regio");
    expect(mail.headers.get("from")).toContain("leertuin@example.org");
    const agenda = `${server.url}/regios/zeeland/agenda`;
    expect(mail.text).toContain(title);
    expect(mail.text).toContain(agenda);
    expect(mail.html).toContain(`href="${agenda}"`);
    // Titles and links only: never the situation a member described.
    for (const body of [mail.text, mail.html, mail.raw]) {
      expect(body).not.toContain("muzieklessen");
      expect(body).not.toContain("spanningen thuis");
    }
    const unsubscribe = mail.headers.get("list-unsubscribe")!;
    expect(unsubscribe).toMatch(
      new RegExp(
        `^<${server.url}/afmelden/${userId(DEMO.facilitator)}\\.[A-Za-z0-9_-]{43}>, <mailto:leertuin@example\\.org\\?subject=afmelden>$`,
      ),
    );
    expect(mail.headers.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(mail.text).toContain(`${server.url}/afmelden/`);

    // Not the member who proposed (their default is the digest), nor another region's facilitator.
    expect(mailsTo(DEMO.member)).toEqual([]);
    expect(mailsTo(DEMO.otherFacilitator, "nieuw voorstel")).toEqual([]);
    const rows = http.sql<{ status: string; attempts: number }>(
      "select status, attempts from mail_outbox where kind = 'notification'",
    );
    expect(rows).toEqual(facilitators.map(() => ({ status: "sent", attempts: 1 })));
  });

  it("puts nothing in the outbox when the write is rolled back", () => {
    const db = server.db();
    const before = http.one<{ n: number }>("select count(*) as n from mail_outbox")!.n;
    expect(() =>
      db.transaction((tx) => {
        notify(tx, {
          userId: userId(DEMO.facilitator),
          actorId: userId(DEMO.member),
          kind: "proposal-new",
          message: 'Nieuw voorstel voor leertuin Zeeland: "Teruggedraaid".',
          href: "/regios/zeeland/agenda",
        });
        expect(db.$client.prepare("select count(*) as n from mail_outbox").get()).toEqual({ n: before + 1 });
        throw new Error("rolled back");
      }),
    ).toThrow("rolled back");
    expect(http.one<{ n: number }>("select count(*) as n from mail_outbox")!.n).toBe(before);
  });
});

describe("the weekly digest", () => {
  it("holds the week's notifications of a member in one mail, once", async () => {
    smtp.received.length = 0;
    const first = await propose("Eerste voorstel voor het overzicht");
    const second = await propose("Tweede voorstel voor het overzicht");
    const facilitator = await http.logIn(DEMO.facilitator);
    for (const slug of [first, second]) {
      const { id } = http.one<{ id: number }>("select id from dilemmas where slug = ?", slug)!;
      expect(
        (await http.post("/regios/zeeland/agenda", { intent: "accept", dilemmaId: String(id) }, facilitator)).status,
      ).toBe(200);
    }
    // The member's default is the digest: nothing yet.
    await mailRound();
    expect(mailsTo(DEMO.member)).toEqual([]);

    const nextMonday = new Date(digestMoment(new Date()).getTime() + 7 * 24 * 3600 * 1000 + 3600 * 1000);
    await mailRound(nextMonday);
    const [digest, ...more] = mailsTo(DEMO.member);
    expect(more).toEqual([]);
    expect(digest!.subject).toBe("Leertuin: uw weekoverzicht (2 meldingen)");
    expect(digest!.text).toContain("Eerste voorstel voor het overzicht");
    expect(digest!.text).toContain("Tweede voorstel voor het overzicht");
    expect(digest!.text).toContain(`${server.url}/dilemmas/${first}`);
    expect(digest!.headers.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");

    // A second round at the same moment sends no second digest; the facilitator's mailed items are not repeated.
    await mailRound(nextMonday);
    expect(mailsTo(DEMO.member)).toHaveLength(1);
    expect(mailsTo(DEMO.facilitator, "weekoverzicht")).toEqual([]);
  });
});

describe("the monthly reminder of due reviews", () => {
  it("lists a facilitator's answers past their review date, oldest first, once a month", async () => {
    smtp.received.length = 0;
    const due = http.sql<{ id: number; title: string; slug: string }>(
      `select av.id, d.title, d.slug from current_answer_versions av join answers a on a.id = av.answer_id
       join dilemmas d on d.id = av.dilemma_id join regions r on r.id = av.region_id
       where r.slug = 'zeeland' and a.status = 'published' order by av.id limit 2`,
    );
    expect(due).toHaveLength(2);
    const db = server.db().$client;
    db.prepare("update answer_versions set review_by = null where review_by is not null").run();
    db.prepare("update answer_versions set review_by = '2020-03-01' where id = ?").run(due[0]!.id);
    db.prepare("update answer_versions set review_by = '2019-06-01' where id = ?").run(due[1]!.id);

    const now = new Date();
    const nextMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1, 7));
    await mailRound(nextMonth);
    const [reminder, ...more] = mailsTo(DEMO.facilitator, "herziening");
    expect(more).toEqual([]);
    expect(reminder!.subject).toBe("Leertuin: 2 afspraken toe aan herziening");
    const [older, newer] = [reminder!.text.indexOf(due[1]!.title), reminder!.text.indexOf(due[0]!.title)];
    expect(older).toBeGreaterThan(0);
    expect(newer).toBeGreaterThan(older);
    expect(reminder!.text).toContain(`${server.url}/dilemmas/${due[0]!.slug}`);
    expect(reminder!.text).toContain("herzien uiterlijk 1 juni 2019");
    // Twente's facilitator has nothing due in Twente; a second round this month sends nothing more.
    expect(mailsTo(DEMO.otherFacilitator, "herziening")).toEqual([]);
    await mailRound(nextMonth);
    expect(mailsTo(DEMO.facilitator, "herziening")).toHaveLength(1);
  });
});

describe("an SMTP outage", () => {
  it("delays but never loses mail: after the server comes back every pending mail arrives exactly once", async () => {
    smtp.received.length = 0;
    await smtp.stop();
    await propose("Voorstel tijdens de storing");
    await until(
      () =>
        http.one<{ n: number }>("select count(*) as n from mail_outbox where attempts > 0 and status = 'pending'")!.n >
        0,
      "a failed attempt",
    );
    const stuck = http.one<{ last_error: string; next_attempt_at: string }>(
      "select last_error, next_attempt_at from mail_outbox where attempts > 0 order by id limit 1",
    )!;
    expect(stuck.last_error).toMatch(/ECONNREFUSED|connect/i);
    expect(Date.parse(stuck.next_attempt_at)).toBeGreaterThan(Date.now());

    // Admins see it waiting, with the error.
    const page = await http.html(await http.get("/beheer/mail", await http.logIn(DEMO.admin)));
    expect(page).toContain("Leertuin: nieuw voorstel voor uw regio");
    expect(page).toContain("wacht, volgende poging");
    expect(page).toMatch(/Laatste fout: .*(ECONNREFUSED|connect)/);

    // Back on the network, but refusing for a while (451): still nothing lost.
    await smtp.start();
    smtp.state.reject = true;
    await propose("Tweede voorstel tijdens de storing");
    let later = new Date(Date.now() + 3600 * 1000);
    await mailRound(later);
    expect(smtp.received).toEqual([]);
    expect(
      http.one<{ e: string }>(
        "select last_error as e from mail_outbox where status = 'pending' order by attempts desc limit 1",
      )!.e,
    ).toMatch(/451/);

    smtp.state.reject = false;
    for (let round = 0; round < 5; round++) {
      later = new Date(later.getTime() + 7 * 3600 * 1000);
      await mailRound(later);
    }
    const outbox = http.sql<{ id: number; status: string }>(
      "select id, status from mail_outbox where kind = 'notification'",
    );
    expect(outbox.length).toBeGreaterThanOrEqual(2 * facilitatorsOfZeeland().length);
    expect(outbox.every((row) => row.status === "sent")).toBe(true);
    const ids = smtp.received.map((m) => m.headers.get("message-id"));
    expect(new Set(ids).size).toBe(ids.length);
    for (const row of outbox) expect(ids.filter((id) => id?.startsWith(`<outbox-${row.id}@`))).toHaveLength(1);
  });

  it("sends after a restart what was queued while the worker was down", async () => {
    smtp.received.length = 0;
    await stopMailWorker();
    await propose("Voorstel terwijl de verzender stilstaat");
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.received).toEqual([]);
    expect(
      http.one<{ n: number }>("select count(*) as n from mail_outbox where status = 'pending'")!.n,
    ).toBeGreaterThan(0);
    startMailWorker();
    await until(() => mailsTo(DEMO.facilitator, "nieuw voorstel").length === 1, "the mail after the restart");
    await until(
      () => http.one<{ n: number }>("select count(*) as n from mail_outbox where status = 'pending'")!.n === 0,
      "an empty outbox",
    );
  });
});

describe("unsubscribing", () => {
  const tokenFrom = (mail: ReceivedMail) => /\/afmelden\/([^>]+)>/.exec(mail.headers.get("list-unsubscribe")!)![1]!;
  const preference = (email: string) =>
    http.one<{ p: string | null }>("select mail_preference as p from users where email = ?", email)!.p;

  it("works with the token in one click, without logging in, and not without the token", async () => {
    smtp.received.length = 0;
    await propose("Voorstel voor de afmeldtest");
    const mail = await until(() => mailsTo(DEMO.facilitator, "nieuw voorstel")[0], "a mail");
    const token = tokenFrom(mail);

    // A forged or cut-off token is a 404 and changes nothing.
    const otherId = userId(DEMO.otherFacilitator);
    for (const bad of [`${otherId}.${token.split(".")[1]}`, token.slice(0, -1), "abc"]) {
      expect((await http.get(`/afmelden/${bad}`)).status).toBe(404);
      const response = await fetch(`${server.url}/afmelden/${bad}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      });
      expect(response.status).toBe(404);
    }
    expect(preference(DEMO.facilitator)).toBeNull();
    expect(preference(DEMO.otherFacilitator)).toBeNull();

    // Opening the link only asks (mail scanners follow links).
    const page = await http.get(`/afmelden/${token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("no-store");
    expect(await http.html(page)).toContain("Geen e-mail meer");
    expect(preference(DEMO.facilitator)).toBeNull();

    // RFC 8058: the mail program posts List-Unsubscribe=One-Click, without a cookie or an Origin.
    const response = await fetch(`${server.url}/afmelden/${token}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(response.status).toBe(200);
    expect(await http.html(response)).toContain("U bent afgemeld");
    expect(preference(DEMO.facilitator)).toBe("never");
    expect(http.one("select action, actor_id from audit_log order by id desc limit 1")).toEqual({
      action: "account.mail-unsubscribed",
      actor_id: userId(DEMO.facilitator),
    });

    // From now on no mail to them; the other facilitators of the region still get theirs. A mail that was
    // already on its way (the round that sent the first one) may still arrive: that round ends first.
    await mailRound();
    smtp.received.length = 0;
    await propose("Voorstel na het afmelden");
    const others = facilitatorsOfZeeland().filter((e) => e !== DEMO.facilitator);
    for (const email of others) await until(() => mailsTo(email, "nieuw voorstel").length > 0, `mail to ${email}`);
    await mailRound();
    expect(mailsTo(DEMO.facilitator)).toEqual([]);
  });

  it("stops a mail that was still waiting when its recipient unsubscribed", async () => {
    await stopMailWorker();
    smtp.received.length = 0;
    await propose("Voorstel vlak voor het afmelden");
    const token = (await import("../../app/mail/unsubscribe-token.server")).unsubscribeToken(userId(DEMO.facilitator));
    const response = await http.post(`/afmelden/${token}`, { "List-Unsubscribe": "One-Click" });
    expect(response.status).toBe(200);
    startMailWorker();
    const others = facilitatorsOfZeeland().filter((e) => e !== DEMO.facilitator);
    for (const email of others) await until(() => mailsTo(email, "nieuw voorstel").length > 0, `mail to ${email}`);
    await mailRound();
    expect(mailsTo(DEMO.facilitator)).toEqual([]);
    expect(
      http.sql(
        "select o.status, o.last_error from mail_outbox o join users u on u.id = o.user_id where u.email = ?",
        DEMO.facilitator,
      ),
    ).toEqual([{ status: "failed", last_error: "Niet verzonden: de ontvanger heeft zich afgemeld." }]);
  });

  it("stops the rest of a batch for whoever unsubscribes while it goes out", async () => {
    // Stopped first: a round of the test before must not deliver into this one.
    await stopMailWorker();
    smtp.received.length = 0;
    // Next month's reminders queued without a transport: one for Zeeland's facilitator, then Twente's.
    const now = new Date();
    await mailRound(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1, 7)));
    const twente = () =>
      http.sql(
        "select o.status, o.last_error from mail_outbox o join users u on u.id = o.user_id where u.email = ?",
        DEMO.otherFacilitator,
      );
    expect(twente().length).toBeGreaterThan(0);
    // The moment the round's first mail arrives, Twente's facilitator unsubscribes.
    smtp.state.onReceived = () => {
      smtp.state.onReceived = undefined;
      server
        .db()
        .$client.prepare("update users set mail_preference = 'never' where email = ?")
        .run(DEMO.otherFacilitator);
    };
    startMailWorker();
    await mailRound();
    expect(mailsTo(DEMO.facilitator, "herziening").length).toBeGreaterThan(0);
    expect(mailsTo(DEMO.otherFacilitator)).toEqual([]);
    for (const row of twente())
      expect(row).toEqual({ status: "failed", last_error: "Niet verzonden: de ontvanger heeft zich afgemeld." });
  });

  it("is a choice in /account as well, kept without JavaScript", async () => {
    const cookie = await http.logIn(DEMO.member);
    const page = await http.html(await http.get("/account", cookie));
    expect(page).toContain("E-mail over meldingen");
    const bad = await http.post("/account", { intent: "mail", mailPreference: "elk-uur" }, cookie);
    expect(bad.status).toBe(400);
    expect(await http.html(bad)).toContain("Kies hoe vaak u e-mail wilt krijgen.");
    const good = await http.post("/account", { intent: "mail", mailPreference: "immediately" }, cookie);
    expect(good.status).toBe(200);
    expect(preference(DEMO.member)).toBe("immediately");

    // Now a decision on the member's proposal reaches them at once.
    smtp.received.length = 0;
    const slug = await propose("Voorstel van een lid dat direct mail wil");
    const { id } = http.one<{ id: number }>("select id from dilemmas where slug = ?", slug)!;
    await http.post(
      "/regios/zeeland/agenda",
      { intent: "accept", dilemmaId: String(id) },
      await http.logIn(DEMO.facilitator),
    );
    const mail = await until(() => mailsTo(DEMO.member)[0], "the member's mail");
    expect(mail.subject).toBe("Leertuin: uw voorstel staat op de agenda");
    expect(mail.text).toContain(`${server.url}/dilemmas/${slug}`);
  });
});
