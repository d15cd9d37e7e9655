import { describe, expect, it } from "vitest";

import { listDiscussion } from "~/workflow/comments.server";
import { DEMO, httpClient } from "../support/http";
import { useTestServer } from "../support/test-server";

const server = useTestServer();
const http = httpClient(server);

const userId = (email: string) => http.one<{ id: number }>("select id from users where email = ?", email)?.id;
const organisationOf = (region: string) =>
  http.one<{ id: number }>(
    "select o.id from organisations o join regions r on r.id = o.region_id where r.slug = ? order by o.name limit 1",
    region,
  )!.id;
const loggedInAs = async (cookie: string) =>
  /Ingelogd als ([^<]+)</.exec(await http.html(await http.get("/", cookie)))?.[1] ?? null;
const auditOf = (action: string) =>
  http.sql<{ actor_id: number | null; summary: string; target_id: string }>(
    "select actor_id, summary, target_id from audit_log where action = ?",
    action,
  );

describe("who may use /account", () => {
  it("sends a visitor to log in, for the page, its forms and the download", async () => {
    for (const response of [
      await http.get("/account"),
      await http.post("/account", { intent: "profile", name: "X" }),
      await http.get("/account/gegevens"),
    ]) {
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toMatch(/^\/inloggen\?redirectTo=%2Faccount/);
    }
  });

  it.each(Object.entries(DEMO))("shows %s their own account", async (_who, email) => {
    const response = await http.get("/account", await http.logIn(email));
    expect(response.status).toBe(200);
    const html = await http.html(response);
    expect(html).toContain("<h1");
    expect(html).toContain(email);
    expect(html).toContain('href="/account/gegevens"');
  });
});

describe("editing name, profession and organisation", () => {
  it("saves the change, shows it in the header and audits which fields changed without their values", async () => {
    const cookie = await http.logIn(DEMO.member);
    const organisation = String(organisationOf("zeeland"));
    const response = await http.post(
      "/account",
      { intent: "profile", name: "Marieke Zeeuw", profession: "schoolmaatschappelijk werker", organisation },
      cookie,
    );
    expect(response.status).toBe(200);
    expect(await http.html(response)).toContain("Uw gegevens zijn opgeslagen.");
    expect(http.one("select name, profession, organisation_id from users where email = ?", DEMO.member)).toEqual({
      name: "Marieke Zeeuw",
      profession: "schoolmaatschappelijk werker",
      organisation_id: Number(organisation),
    });
    expect(await loggedInAs(cookie)).toBe("Marieke Zeeuw");
    const [entry] = auditOf("account.updated");
    expect(entry).toMatchObject({ actor_id: userId(DEMO.member), summary: expect.stringContaining("naam") });
    expect(entry!.summary).not.toContain("Marieke");
  });

  it("offers only the organisations of the member's own regions, and refuses another region's", async () => {
    const cookie = await http.logIn(DEMO.member);
    const page = await http.html(await http.get("/account", cookie));
    expect(page).toContain(`value="${organisationOf("zeeland")}"`);
    expect(page).not.toContain(`value="${organisationOf("twente")}"`);
    const response = await http.post(
      "/account",
      {
        intent: "profile",
        name: "Marieke Zeeuw",
        profession: "jeugdverpleegkundige",
        organisation: String(organisationOf("twente")),
      },
      cookie,
    );
    expect(response.status).toBe(400);
    const html = await http.html(response);
    expect(html).toContain("Kies een organisatie uit een regio waar u lid van bent.");
    expect(html).toContain('value="Marieke Zeeuw"');
    expect(http.one("select name from users where email = ?", DEMO.member)).toEqual({ name: "Lid Zeeland (demo)" });
  });

  it("explains missing fields next to them and keeps what was typed", async () => {
    const cookie = await http.logIn(DEMO.member);
    const response = await http.post(
      "/account",
      { intent: "profile", name: "", profession: "wijkcoach in opleiding", organisation: "" },
      cookie,
    );
    expect(response.status).toBe(400);
    const html = await http.html(response);
    expect(html).toContain("Vul uw naam in.");
    expect(html).toMatch(/aria-invalid="true" aria-describedby="name-fout"/);
    expect(html).toContain('value="wijkcoach in opleiding"');
    expect(auditOf("account.updated")).toEqual([]);
  });

  it("answers a form without a known intent with 400", async () => {
    expect((await http.post("/account", { intent: "iets-anders" }, await http.logIn(DEMO.member))).status).toBe(400);
  });
});

describe("changing the password", () => {
  const change = (cookie: string, currentPassword: string, newPassword: string, newPasswordRepeat = newPassword) =>
    http.post("/account", { intent: "password", currentPassword, newPassword, newPasswordRepeat }, cookie);

  it("ends every other session of the user and keeps the current one", async () => {
    const here = await http.logIn(DEMO.member);
    const elsewhere = await http.logIn(DEMO.member);
    const someoneElse = await http.logIn(DEMO.otherMember);
    const response = await change(here, "leertuin-demo", "een-nieuw-lang-wachtwoord");
    expect(response.status).toBe(200);
    expect(await http.html(response)).toContain("Op andere apparaten en browsers bent u uitgelogd.");
    expect(await loggedInAs(here)).toBe("Lid Zeeland (demo)");
    expect(await loggedInAs(elsewhere)).toBeNull();
    expect(await loggedInAs(someoneElse)).toBe("Lid Twente (demo)");
    expect((await http.post("/inloggen", { email: DEMO.member, password: "leertuin-demo" })).status).toBe(400);
    expect((await http.post("/inloggen", { email: DEMO.member, password: "een-nieuw-lang-wachtwoord" })).status).toBe(
      302,
    );
    expect(auditOf("account.password-changed")).toEqual([
      { actor_id: userId(DEMO.member), target_id: String(userId(DEMO.member)), summary: "andere sessies beëindigd: 1" },
    ]);
  });

  it("requires the current password and a new one that meets the rules", async () => {
    const cookie = await http.logIn(DEMO.member);
    const before = http.one("select password_hash from users where email = ?", DEMO.member);
    const wrong = await change(cookie, "niet-het-wachtwoord", "een-nieuw-lang-wachtwoord");
    expect(wrong.status).toBe(400);
    expect(await http.html(wrong)).toContain("Dit is niet uw huidige wachtwoord.");
    const short = await change(cookie, "leertuin-demo", "kort");
    expect(await http.html(short)).toContain("Kies een wachtwoord van minstens 12 tekens.");
    const different = await change(cookie, "leertuin-demo", "een-nieuw-lang-wachtwoord", "een-ander-lang-wachtwoord");
    expect(await http.html(different)).toContain("De twee wachtwoorden zijn niet gelijk.");
    expect(http.one("select password_hash from users where email = ?", DEMO.member)).toEqual(before);
    expect(auditOf("account.password-changed")).toEqual([]);
  });
});

describe("downloading my data", () => {
  it("is a JSON attachment with everything stored about the user and no hash of any kind", async () => {
    const id = userId(DEMO.member)!;
    const dilemma = http.one<{ id: number; slug: string }>("select id, slug from dilemmas order by id limit 1")!;
    const db = server.db().$client;
    db.prepare(
      "insert into comments (dilemma_id, author_id, body_md) values (?, ?, 'Bij ons vragen we eerst toestemming.')",
    ).run(dilemma.id, id);
    db.prepare(
      "insert into dilemmas (slug, title, question, situation_md, holder_sector, origin_region_id, raised_on, proposed_by) values ('mijn-voorstel', 'Mijn voorstel', 'Mag ik dit delen?', 'Een situatie.', 'onderwijs', (select id from regions where slug = 'zeeland'), '2024-05-01', ?)",
    ).run(id);
    db.prepare("update answer_versions set created_by = ? where id = (select min(id) from answer_versions)").run(id);
    db.prepare(
      "insert into password_resets (token_hash, user_id, expires_at) values ('resettokenhash0123456789abcdef', ?, '2099-01-01T00:00:00.000Z')",
    ).run(id);
    const cookie = await http.logIn(DEMO.member);
    await http.logIn(DEMO.member);

    const response = await http.get("/account/gegevens", cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="leertuin-mijn-gegevens-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    const text = await response.text();
    const exported = JSON.parse(text);
    expect(exported.account).toMatchObject({
      e_mailadres: DEMO.member,
      naam: "Lid Zeeland (demo)",
      beroep: "jeugdverpleegkundige",
    });
    expect(exported.lidmaatschappen).toEqual([
      expect.objectContaining({ regio: "Zeeland", rol: "member", status: "active" }),
    ]);
    expect(exported.sessies).toHaveLength(2);
    expect(exported.sessies.filter((s: { deze_sessie: boolean }) => s.deze_sessie)).toHaveLength(1);
    expect(exported.reacties).toEqual([
      expect.objectContaining({ dilemma: dilemma.slug, tekst: "Bij ons vragen we eerst toestemming." }),
    ]);
    expect(exported.voorgestelde_dilemmas).toEqual([
      expect.objectContaining({ slug: "mijn-voorstel", vraag: "Mag ik dit delen?" }),
    ]);
    expect(exported.afspraakversies).toHaveLength(1);
    expect(exported.logboek.map((e: { actie: string }) => e.actie)).toEqual(expect.arrayContaining(["auth.login"]));
    expect(exported.wachtwoordherstel).toEqual([
      { aangemaakt_op: expect.any(String), verloopt_op: "2099-01-01T00:00:00.000Z", gebruikt_op: null },
    ]);

    const secrets = [
      ...http.sql<{ h: string }>("select password_hash as h from users"),
      ...http.sql<{ h: string }>("select id_hash as h from sessions"),
      ...http.sql<{ h: string }>("select token_hash as h from password_resets"),
    ].map((row) => row.h);
    expect(secrets.length).toBeGreaterThan(3);
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toContain("$argon2");
    expect(text).not.toMatch(/"[^"]*hash[^"]*":/i);
    expect(text).not.toContain(DEMO.otherMember);
  });
});

describe("deleting my account", () => {
  const remove = (cookie: string, confirmPassword: string) =>
    http.post("/account", { intent: "delete", confirmPassword }, cookie);

  it("removes the person in one go: comments stay as 'voormalig lid', the audit log keeps an entry without personal data", async () => {
    const id = userId(DEMO.member)!;
    const dilemma = http.one<{ id: number }>("select id from dilemmas order by id limit 1")!;
    const db = server.db().$client;
    db.prepare(
      "insert into comments (dilemma_id, author_id, body_md) values (?, ?, 'Wij bellen eerst de ouders.')",
    ).run(dilemma.id, id);
    db.prepare("update answer_versions set created_by = ? where id = (select min(id) from answer_versions)").run(id);
    const cookie = await http.logIn(DEMO.member);
    const otherDevice = await http.logIn(DEMO.member);

    const response = await remove(cookie, "leertuin-demo");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/?melding=account-verwijderd");
    expect(response.headers.get("set-cookie")).toMatch(/leertuin_sessie=;.*Max-Age=0/);

    expect(http.one("select count(*) as n from users where id = ?", id)).toEqual({ n: 0 });
    expect(http.one("select count(*) as n from memberships where user_id = ?", id)).toEqual({ n: 0 });
    expect(http.one("select count(*) as n from sessions where user_id = ?", id)).toEqual({ n: 0 });
    expect(await loggedInAs(otherDevice)).toBeNull();
    expect(http.one("select author_id, body_md from comments")).toEqual({
      author_id: null,
      body_md: "Wij bellen eerst de ouders.",
    });
    expect(
      http.one(
        "select count(*) as n from answer_versions where created_by is null and id = (select min(id) from answer_versions)",
      ),
    ).toEqual({ n: 1 });
    expect(listDiscussion(server.db(), dilemma.id).map((c) => c.author)).toEqual(["voormalig lid"]);

    expect(auditOf("account.deleted")).toEqual([
      { actor_id: null, target_id: String(id), summary: "door het lid zelf" },
    ]);
    expect(http.one("select count(*) as n from audit_log where actor_id = ?", id)).toEqual({ n: 0 });
    const log = JSON.stringify(http.sql("select * from audit_log"));
    expect(log).not.toContain("Lid Zeeland");
    expect(log).not.toContain(DEMO.member);

    const home = await http.html(await http.get("/?melding=account-verwijderd"));
    expect(home).toContain("Uw account is verwijderd en u bent uitgelogd.");
    expect((await http.post("/inloggen", { email: DEMO.member, password: "leertuin-demo" })).status).toBe(400);
  });

  it("needs the password, and keeps everything when it is wrong or missing", async () => {
    const cookie = await http.logIn(DEMO.member);
    const wrong = await remove(cookie, "niet-het-wachtwoord");
    expect(wrong.status).toBe(400);
    expect(await http.html(wrong)).toContain("Dit is niet uw wachtwoord. Uw account is niet verwijderd.");
    const missing = await remove(cookie, "");
    expect(await http.html(missing)).toContain("Vul uw wachtwoord in om het verwijderen te bevestigen.");
    expect(userId(DEMO.member)).toBeDefined();
    expect(await loggedInAs(cookie)).toBe("Lid Zeeland (demo)");
  });

  it("refuses the last platform admin, with a clear message; another admin can leave once someone else is admin", async () => {
    const cookie = await http.logIn(DEMO.admin);
    expect(await http.html(await http.get("/account", cookie))).toContain("U bent de enige platformbeheerder");
    const refused = await remove(cookie, "leertuin-demo");
    expect(refused.status).toBe(400);
    expect(userId(DEMO.admin)).toBeDefined();
    expect(auditOf("account.deleted")).toEqual([]);

    server.db().$client.prepare("update users set is_admin = 1 where email = ?").run(DEMO.facilitator);
    expect((await remove(cookie, "leertuin-demo")).status).toBe(302);
    expect(userId(DEMO.admin)).toBeUndefined();
  });

  it("shows an unknown message on the home page as a wrong address", async () => {
    expect((await http.get("/?melding=iets")).status).toBe(404);
  });
});
