// Issue #17: two-factor log-in (TOTP) over HTTP, with REQUIRE_TOTP on as in a real deployment.
process.env.REQUIRE_TOTP = "1";
// The per-address limit on failed log-ins (app/http/server.server.ts) is not what these tests count: the per-account one is.
process.env.LOGIN_RATE_LIMIT = "100";

import { generate } from "otplib";
import { describe, expect, it } from "vitest";

import { DEMO, httpClient } from "../support/http";
import { useTestServer } from "../support/test-server";
import { enrolTotp, freshCode, logInWithCode, sessionCookieOf } from "../support/totp";

const server = useTestServer();
const http = httpClient(server);

const userId = (email: string) => http.one<{ id: number }>("select id from users where email = ?", email)!.id;
const loggedInAs = async (cookie: string) =>
  /Ingelogd als ([^<]+)</.exec(await http.html(await http.get("/", cookie)))?.[1] ?? null;
const audit = (email: string) =>
  http
    .sql<{ action: string; summary: string }>(
      "select action, summary from audit_log where target_type = 'user' and target_id = ? and action like 'auth.%' and action not in ('auth.login', 'auth.logout') order by id",
      String(userId(email)),
    )
    .map((e) => `${e.action}: ${e.summary}`);

/** Sets up the app through the pages, as a member would: returns the secret and the recovery codes. */
async function enableThroughPages(cookie: string, email: string) {
  const page = await http.get("/account/tweestapsverificatie", cookie);
  expect(page.status).toBe(200);
  const setupCookie = page.headers
    .getSetCookie()
    .find((c) => c.startsWith("leertuin_tweestaps="))!
    .split(";")[0]!;
  const html = await http.html(page);
  expect(html).toContain('role="img" aria-label="QR-code om Leertuin aan uw authenticator-app toe te voegen"');
  expect(html).toMatch(/<svg[^>]*>/);
  const secret = /<code class="totp-secret">([A-Z2-7 ]+)<\/code>/.exec(html)![1]!.replaceAll(" ", "");
  expect(secret).toHaveLength(32);
  const cookies = `${cookie}; ${setupCookie}`;

  const wrong = await http.post(
    "/account/tweestapsverificatie",
    { intent: "enable", code: "000000", redirectTo: "/" },
    cookies,
  );
  expect(wrong.status).toBe(400);
  expect(await http.html(wrong)).toContain("Deze code klopt niet.");

  const right = await http.post(
    "/account/tweestapsverificatie",
    { intent: "enable", code: await generate({ secret }), redirectTo: "/regios/zeeland/agenda" },
    cookies,
  );
  expect(right.status).toBe(200);
  const shown = await http.html(right);
  const codes = [...shown.matchAll(/<li><code>([a-z2-9]{5}-[a-z2-9]{5})<\/code><\/li>/g)].map((m) => m[1]!);
  expect(new Set(codes).size).toBe(10);
  expect(shown).toContain('href="/regios/zeeland/agenda"');
  // The secret is stored encrypted, the recovery codes hashed: none of them appears in the database.
  expect(JSON.stringify(http.sql("select * from totp_credentials"))).not.toContain(secret);
  const stored = JSON.stringify(http.sql("select * from recovery_codes"));
  for (const code of codes) expect(stored).not.toContain(code.replace("-", ""));
  expect(http.one("select count(*) as n from recovery_codes where user_id = ?", userId(email))).toEqual({ n: 10 });
  expect(audit(email)).toEqual([
    "auth.totp-failed: instellen",
    expect.stringMatching(/^auth.totp-enabled: andere sessies beëindigd: \d$/),
  ]);
  // Shown once: the page now says it is on and lists no codes.
  const after = await http.html(await http.get("/account/tweestapsverificatie", cookie));
  expect(after).toContain("U heeft nog 10 van de 10 herstelcodes over.");
  expect(after).not.toContain(codes[0]);
  return { secret, codes };
}

describe("two-factor log-in", () => {
  it("a member sets it up, then logs in with password and code; no session before the code", async () => {
    const elsewhere = await http.logIn(DEMO.member);
    const member = await http.logIn(DEMO.member);
    const { secret } = await enableThroughPages(member, DEMO.member);
    // Turning it on ends the sessions started with the password alone, except this one.
    expect(await loggedInAs(elsewhere)).toBeNull();
    expect(await loggedInAs(member)).toBe("Lid Zeeland (demo)");
    expect(audit(DEMO.member)).toContain("auth.totp-enabled: andere sessies beëindigd: 1");

    const first = await http.post("/inloggen", {
      email: DEMO.member,
      password: "leertuin-demo",
      redirectTo: "/meldingen",
    });
    expect(first.status).toBe(302);
    expect(first.headers.get("location")).toBe("/inloggen/code");
    expect(first.headers.getSetCookie().some((c) => c.startsWith("leertuin_sessie="))).toBe(false);
    const pending = http.cookieOf(first);
    expect(await loggedInAs(pending)).toBeNull();
    expect((await http.get("/meldingen", pending)).headers.get("location")).toMatch(/^\/inloggen/);

    const codePage = await http.get("/inloggen/code", pending);
    expect(codePage.status).toBe(200);
    expect(await http.html(codePage)).toContain("Uw account is beveiligd met tweestapsverificatie.");
    expect(codePage.headers.get("cache-control")).toBe("no-store");
    // Not kept for others by the visitors' page cache: without the pending cookie it is a redirect.
    expect((await http.get("/inloggen/code")).headers.get("location")).toBe("/inloggen?verlopen=1");

    const wrong = await http.post("/inloggen/code", { code: "123 456" }, pending);
    expect(wrong.status).toBe(400);
    expect(await http.html(wrong)).toContain("Deze code klopt niet.");

    const code = await freshCode(http, DEMO.member, secret);
    const second = await http.post("/inloggen/code", { code }, pending);
    expect(second.status).toBe(302);
    expect(second.headers.get("location")).toBe("/meldingen");
    expect(second.headers.getSetCookie().some((c) => /^leertuin_inlogstap=;.*Max-Age=0/.test(c))).toBe(true);
    expect(await loggedInAs(sessionCookieOf(second))).toBe("Lid Zeeland (demo)");

    // The same code does not work twice, not even from the same pending state.
    const replay = await http.post("/inloggen/code", { code }, pending);
    expect(replay.status).toBe(400);
    expect(audit(DEMO.member).filter((e) => e.startsWith("auth.totp-failed"))).toEqual([
      "auth.totp-failed: instellen",
      "auth.totp-failed: inloggen",
      "auth.totp-failed: inloggen",
    ]);
  });

  it("without a valid pending state the code page sends people back to the password", async () => {
    expect((await http.get("/inloggen/code")).headers.get("location")).toBe("/inloggen?verlopen=1");
    const forged = await http.post("/inloggen/code", { code: "123456" }, "leertuin_inlogstap=eyJ1c2VySWQiOjF9");
    expect(forged.status).toBe(302);
    expect(forged.headers.get("location")).toBe("/inloggen?verlopen=1");
    expect(await http.html(await http.get("/inloggen?verlopen=1"))).toContain("Log opnieuw in met uw wachtwoord.");
  });

  it("a recovery code logs in once", async () => {
    const { codes } = await enableThroughPages(await http.logIn(DEMO.otherMember), DEMO.otherMember);
    const pendingOf = async () =>
      http.cookieOf(await http.post("/inloggen", { email: DEMO.otherMember, password: "leertuin-demo" }));
    const used = await http.post("/inloggen/code", { code: codes[3]!.toUpperCase() }, await pendingOf());
    expect(used.status).toBe(302);
    expect(await loggedInAs(sessionCookieOf(used))).toBe("Lid Twente (demo)");
    const again = await http.post("/inloggen/code", { code: codes[3]! }, await pendingOf());
    expect(again.status).toBe(400);
    expect(await http.html(again)).toContain("Deze code klopt niet.");
    expect(audit(DEMO.otherMember).slice(-2)).toEqual([
      "auth.recovery-code-used: inloggen; nog 9 over",
      "auth.totp-failed: inloggen",
    ]);
    expect(http.one("select summary from audit_log where action = 'auth.login' order by id desc limit 1")).toEqual({
      summary: "met een herstelcode",
    });
  });

  it("limits wrong codes per account: after five, even the right code waits", async () => {
    const secret = enrolTotp(http, DEMO.member);
    const pending = http.cookieOf(await http.post("/inloggen", { email: DEMO.member, password: "leertuin-demo" }));
    for (let i = 0; i < 5; i++)
      expect((await http.post("/inloggen/code", { code: "000000" }, pending)).status).toBe(400);
    const blocked = await http.post("/inloggen/code", { code: await freshCode(http, DEMO.member, secret) }, pending);
    expect(blocked.status).toBe(429);
    expect(await http.html(blocked)).toContain("U heeft te vaak een onjuiste code ingevuld.");
    expect(blocked.headers.getSetCookie().some((c) => c.startsWith("leertuin_sessie="))).toBe(false);
  });

  /** The form that turns two-factor log-in off, as the account page sends it. */
  const turnOff = (cookie: string, password: string, code: string) =>
    http.post("/account/tweestapsverificatie", { intent: "disable", password, code }, cookie);

  it("turning it off needs the password and a code, and is audited", async () => {
    const secret = enrolTotp(http, DEMO.member);
    const cookie = await logInWithCode(http, DEMO.member, secret);
    const wrongPassword = await turnOff(cookie, "niet-het-wachtwoord", await freshCode(http, DEMO.member, secret));
    expect(wrongPassword.status).toBe(400);
    expect(await http.html(wrongPassword)).toContain("Dit is niet uw wachtwoord.");
    const wrongCode = await turnOff(cookie, "leertuin-demo", "000000");
    expect(wrongCode.status).toBe(400);
    expect(http.one("select count(*) as n from totp_credentials")).toEqual({ n: 1 });
    const off = await turnOff(cookie, "leertuin-demo", await freshCode(http, DEMO.member, secret));
    expect(off.status).toBe(200);
    expect(await http.html(off)).toContain("Tweestapsverificatie staat nu uit.");
    expect(http.one("select count(*) as n from totp_credentials")).toEqual({ n: 0 });
    expect(audit(DEMO.member)).toEqual([
      "auth.totp-failed: uitzetten",
      "auth.totp-disabled: andere sessies beëindigd: 0",
    ]);
    expect(
      (await http.post("/inloggen", { email: DEMO.member, password: "leertuin-demo" })).headers.get("location"),
    ).toBe("/");
  });
});

describe("REQUIRE_TOTP: facilitators and admins set it up before their first facilitator or admin action", () => {
  const setupUrl = (back: string) =>
    `/account/tweestapsverificatie?${new URLSearchParams({ verplicht: "1", redirectTo: back })}`;

  it("sends a facilitator without an app from facilitator pages and forms to the set-up, with an explanation", async () => {
    const facilitator = await http.logIn(DEMO.facilitator);
    const agenda = await http.get("/regios/zeeland/agenda", facilitator);
    expect(agenda.status).toBe(302);
    expect(agenda.headers.get("location")).toBe(setupUrl("/regios/zeeland/agenda"));
    expect((await http.get("/beheer/leden", facilitator)).headers.get("location")).toBe(setupUrl("/beheer/leden"));

    const proposal = Number(
      server
        .db()
        .$client.prepare(
          "insert into dilemmas (slug, title, question, situation_md, holder_sector, origin_region_id, status, raised_on, proposed_by) values ('tweestaps-voorstel', 'Voorstel', 'Mag het?', 'Een situatie.', 'onderwijs', (select id from regions where slug = 'zeeland'), 'proposed', '2026-11-01', ?)",
        )
        .run(userId(DEMO.member)).lastInsertRowid,
    );
    const accept = await http.post(
      "/regios/zeeland/agenda",
      { intent: "accept", dilemmaId: String(proposal) },
      facilitator,
    );
    expect(accept.headers.get("location")).toBe(setupUrl("/regios/zeeland/agenda"));
    expect(http.one("select status from dilemmas where id = ?", proposal)).toEqual({ status: "proposed" });
    // A facilitator action behind a member's check: hiding a comment.
    const answered = http.one<{ slug: string; id: number }>(
      "select d.slug, d.id from current_answer_versions v join dilemmas d on d.id = v.dilemma_id join regions r on r.id = v.region_id where r.slug = 'zeeland' limit 1",
    )!;
    const comment = Number(
      server
        .db()
        .$client.prepare("insert into comments (dilemma_id, author_id, body_md) values (?, ?, 'Een reactie.')")
        .run(answered.id, userId(DEMO.member)).lastInsertRowid,
    );
    const hide = await http.post(
      `/dilemmas/${answered.slug}`,
      { intent: "hide", commentId: String(comment), reason: "Hoort hier niet." },
      facilitator,
    );
    expect(hide.headers.get("location")).toBe(setupUrl(`/dilemmas/${answered.slug}`));
    expect(http.one("select hidden_at from comments where id = ?", comment)).toEqual({ hidden_at: null });

    // Reading is no facilitator action: the public page is served, as to a member.
    expect((await http.get(`/dilemmas/${answered.slug}`, facilitator)).status).toBe(200);

    const page = await http.html(await http.get(setupUrl("/regios/zeeland/agenda"), facilitator));
    expect(page).toContain("Als leertuinbegeleider of beheerder kunt u besluiten nemen");
    expect(page).toContain("Voor leertuinbegeleiders en beheerders is dit verplicht.");
  });

  it("sends an admin without an app from the admin pages", async () => {
    const admin = await http.logIn(DEMO.admin);
    expect((await http.get("/beheer", admin)).headers.get("location")).toBe(setupUrl("/beheer"));
    expect((await http.get("/beheer/rollen", admin)).headers.get("location")).toBe(setupUrl("/beheer/rollen"));
  });

  it("lets the facilitator work once the app is set up through the pages", async () => {
    const facilitator = await http.logIn(DEMO.facilitator);
    const { secret } = await enableThroughPages(facilitator, DEMO.facilitator);
    expect((await http.get("/regios/zeeland/agenda", facilitator)).status).toBe(200);
    // And from a new log-in, which now asks for the code.
    const again = await logInWithCode(http, DEMO.facilitator, secret);
    expect((await http.get("/beheer/leden", again)).status).toBe(200);
  });

  it("does not ask members", async () => {
    expect((await http.get("/voorstellen", await http.logIn(DEMO.member))).status).toBe(200);
  });
});
