import { describe, expect, it } from "vitest";

import { setPlatformAdmin } from "~/models/roles.server";
import { DEMO, httpClient } from "../support/http";
import { useTestServer } from "../support/test-server";

const server = useTestServer();
const http = httpClient(server);

const idOf = (query: string, ...params: unknown[]) => http.one<{ id: number }>(query, ...params)!.id;
const membershipOf = (email: string) =>
  idOf("select m.id from memberships m join users u on u.id = m.user_id where u.email = ?", email);
const userOf = (email: string) => idOf("select id from users where email = ?", email);
const contentOrganisation = () =>
  idOf(
    "select o.id from organisations o join regions r on r.id = o.region_id where r.slug = 'zeeland' order by o.id limit 1",
  );
const auditCount = () =>
  http.one<{ n: number }>("select count(*) as n from audit_log where action not like 'auth.%'")!.n;

const region = {
  slug: "noord-veluwe",
  name: "Noord-Veluwe",
  province: "Gelderland",
  since: "2024-03-01",
  description: "Zes gemeenten werken samen.",
};
const createRegion = (cookie: string, overrides: Record<string, string> = {}) =>
  http.post("/beheer/regios/nieuw", { ...region, ...overrides }, cookie);

/** Every admin page and form, with a request that would change something if it were let through. */
const routes = (): { method: "GET" | "POST"; path: string; form?: Record<string, string> }[] => [
  { method: "GET", path: "/beheer" },
  { method: "GET", path: "/beheer/regios/nieuw" },
  { method: "POST", path: "/beheer/regios/nieuw", form: region },
  { method: "GET", path: "/beheer/regios/zeeland" },
  {
    method: "POST",
    path: "/beheer/regios/zeeland",
    form: { intent: "organisation", organisationName: "Nieuwe Stichting", sector: "jeugdhulp" },
  },
  { method: "GET", path: `/beheer/regios/zeeland/organisaties/${contentOrganisation()}` },
  { method: "GET", path: "/beheer/rollen" },
  {
    method: "POST",
    path: "/beheer/rollen",
    form: { intent: "role", membershipId: String(membershipOf(DEMO.member)), role: "facilitator" },
  },
  {
    method: "POST",
    path: "/beheer/rollen",
    form: { intent: "admin", userId: String(userOf(DEMO.member)), admin: "ja" },
  },
];
const send = (route: ReturnType<typeof routes>[number], cookie?: string) =>
  route.method === "GET" ? http.get(route.path, cookie) : http.post(route.path, route.form!, cookie);

describe("who may use /beheer", () => {
  it("sends a visitor to log in", async () => {
    const before = auditCount();
    for (const route of routes()) {
      const response = await send(route);
      expect(response.status, `${route.method} ${route.path}`).toBe(302);
      expect(response.headers.get("location"), route.path).toMatch(/^\/inloggen\?redirectTo=%2Fbeheer/);
    }
    expect(auditCount()).toBe(before);
  });

  it.each([
    ["a pending member", DEMO.pending],
    ["a member", DEMO.member],
    ["the region's facilitator", DEMO.facilitator],
    ["another region's facilitator", DEMO.otherFacilitator],
  ])("refuses %s with 403 and changes nothing", async (_who, email) => {
    const cookie = await http.logIn(email);
    const before = auditCount();
    for (const route of routes()) {
      const response = await send(route, cookie);
      expect(response.status, `${route.method} ${route.path}`).toBe(403);
      if (route.method === "GET")
        expect(await http.html(response)).toContain("Alleen platformbeheerders kunnen hier werken.");
    }
    expect(auditCount()).toBe(before);
    expect(http.one("select role from memberships where id = ?", membershipOf(DEMO.member))).toEqual({
      role: "member",
    });
  });

  it("lets an admin use every page and form", async () => {
    const cookie = await http.logIn(DEMO.admin);
    for (const route of routes())
      expect((await send(route, cookie)).status, `${route.method} ${route.path}`).toBeLessThan(400);
  });

  it("shows 'Mijn account' to everyone logged in and 'Beheer' only to admins", async () => {
    const member = await http.html(await http.get("/", await http.logIn(DEMO.facilitator)));
    expect(member).toContain('href="/account"');
    expect(member).not.toContain('href="/beheer"');
    expect(await http.html(await http.get("/", await http.logIn(DEMO.admin)))).toContain('href="/beheer"');
  });
});

describe("regions", () => {
  it("creates a region made in the app, audited, and shows it on the public pages", async () => {
    const cookie = await http.logIn(DEMO.admin);
    const created = await createRegion(cookie);
    expect(created.status).toBe(302);
    expect(created.headers.get("location")).toBe("/beheer/regios/noord-veluwe?melding=aangemaakt");
    expect(await http.html(await http.get("/beheer/regios/noord-veluwe?melding=aangemaakt", cookie))).toContain(
      "De regio is aangemaakt.",
    );
    expect(
      http.one("select name, province, since, description_md, origin from regions where slug = 'noord-veluwe'"),
    ).toEqual({
      name: "Noord-Veluwe",
      province: "Gelderland",
      since: "2024-03-01",
      description_md: "Zes gemeenten werken samen.",
      origin: "app",
    });
    expect(http.one("select actor_id, summary from audit_log where action = 'region.create'")).toEqual({
      actor_id: userOf(DEMO.admin),
      summary: "noord-veluwe",
    });
    expect((await http.get("/regios/noord-veluwe")).status).toBe(200);
  });

  it("keeps what was typed and explains each mistake; a taken or reserved address is refused", async () => {
    const cookie = await http.logIn(DEMO.admin);
    const wrong = await createRegion(cookie, { slug: "Noord Veluwe!", since: "2024-02-30", province: "" });
    expect(wrong.status).toBe(400);
    const html = await http.html(wrong);
    // Each mistake explained, and everything typed kept.
    for (const text of [
      "Gebruik kleine letters, cijfers en losse streepjes",
      "Deze datum bestaat niet.",
      "Vul de provincie in.",
      'value="Noord-Veluwe"',
      'value="Noord Veluwe!"',
      "Zes gemeenten werken samen.",
    ])
      expect(html).toContain(text);
    expect(await http.html(await createRegion(cookie, { slug: "zeeland" }))).toContain(
      "Er is al een regio met dit adres",
    );
    expect(await http.html(await createRegion(cookie, { slug: "nieuw" }))).toContain("Dit adres is gereserveerd");
    expect(http.one("select count(*) as n from regions where origin = 'app'")).toEqual({ n: 0 });
  });

  it("edits a region made in the app, new address included, and audits which fields changed", async () => {
    const cookie = await http.logIn(DEMO.admin);
    await createRegion(cookie);
    const saved = await http.post(
      "/beheer/regios/noord-veluwe",
      { intent: "region", ...region, slug: "veluwe-noord", name: "Veluwe Noord" },
      cookie,
    );
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toBe("/beheer/regios/veluwe-noord?melding=opgeslagen");
    expect(http.one("select name from regions where slug = 'veluwe-noord'")).toEqual({ name: "Veluwe Noord" });
    expect(http.one("select summary from audit_log where action = 'region.update'")).toEqual({
      summary: "gewijzigd: adres, naam",
    });
    const invalid = await http.post("/beheer/regios/veluwe-noord", { intent: "region", ...region, name: "" }, cookie);
    expect(invalid.status).toBe(400);
    expect(await http.html(invalid)).toContain("Vul de naam van de regio in.");
  });

  it("shows a region from the library but does not let anyone edit it", async () => {
    const cookie = await http.logIn(DEMO.admin);
    const page = await http.html(await http.get("/beheer/regios/zeeland", cookie));
    expect(page).toContain("komt uit de bibliotheek");
    expect(page).not.toContain('value="region"');
    const before = http.one("select * from regions where slug = 'zeeland'");
    const refused = await http.post(
      "/beheer/regios/zeeland",
      { intent: "region", ...region, slug: "zeeland", name: "Anders" },
      cookie,
    );
    expect(refused.status).toBe(403);
    expect(await http.html(refused)).toContain("kan hier niet worden gewijzigd");
    expect(http.one("select * from regions where slug = 'zeeland'")).toEqual(before);
  });

  it("answers wrong addresses with 404 and a malformed form with 400", async () => {
    const cookie = await http.logIn(DEMO.admin);
    for (const path of [
      "/beheer/regios/bestaat-niet",
      "/beheer/regios/Zeeland!",
      "/beheer/regios/zeeland?melding=onbekend",
      "/beheer/regios/zeeland/organisaties/abc",
      "/beheer/regios/zeeland/organisaties/999999",
      `/beheer/regios/twente/organisaties/${contentOrganisation()}`,
      "/beheer/rollen?regio=bestaat-niet",
      "/beheer/rollen?pagina=0",
      "/beheer/rollen?pagina=99",
    ]) {
      expect((await http.get(path, cookie)).status, path).toBe(404);
    }
    expect((await http.post("/beheer/regios/zeeland", { intent: "wissen" }, cookie)).status).toBe(400);
    expect(
      (await http.post("/beheer/rollen", { intent: "role", membershipId: "x", role: "koning" }, cookie)).status,
    ).toBe(400);
  });
});

describe("organisations", () => {
  it("adds an organisation to a region, refuses a second with the same name, and renames it", async () => {
    const cookie = await http.logIn(DEMO.admin);
    const add = (organisationName: string, sector: string) =>
      http.post("/beheer/regios/zeeland", { intent: "organisation", organisationName, sector }, cookie);
    const added = await add("Stichting Gezinskracht", "jeugdhulp");
    expect(added.status).toBe(302);
    expect(added.headers.get("location")).toBe("/beheer/regios/zeeland?melding=organisatie-toegevoegd");
    const id = idOf("select id from organisations where name = 'Stichting Gezinskracht' and origin = 'app'");

    const duplicate = await add("Stichting Gezinskracht", "zorg");
    expect(duplicate.status).toBe(400);
    expect(await http.html(duplicate)).toContain("Deze regio heeft al een organisatie met deze naam.");
    const noSector = await add("Buurtteam Oost", "");
    expect(noSector.status).toBe(400);
    const html = await http.html(noSector);
    expect(html).toContain("Kies een sector.");
    expect(html).toContain('value="Buurtteam Oost"');

    const path = `/beheer/regios/zeeland/organisaties/${id}`;
    expect(await http.html(await http.get(path, cookie))).toContain('value="Stichting Gezinskracht"');
    const renamed = await http.post(
      path,
      { organisationName: "Stichting Gezinskracht Zeeland", sector: "jeugdhulp" },
      cookie,
    );
    expect(renamed.status).toBe(302);
    expect(http.one("select name, sector from organisations where id = ?", id)).toEqual({
      name: "Stichting Gezinskracht Zeeland",
      sector: "jeugdhulp",
    });
    expect(http.sql("select action, summary from audit_log where target_type = 'organisation' order by id")).toEqual([
      { action: "organisation.create", summary: "jeugdhulp" },
      { action: "organisation.update", summary: "gewijzigd: naam" },
    ]);
  });

  it("shows an organisation from the library but refuses to change it", async () => {
    const cookie = await http.logIn(DEMO.admin);
    const path = `/beheer/regios/zeeland/organisaties/${contentOrganisation()}`;
    expect(await http.html(await http.get(path, cookie))).toContain(
      "komt uit de bibliotheek en kan hier niet worden gewijzigd",
    );
    const before = http.one("select * from organisations where id = ?", contentOrganisation());
    expect((await http.post(path, { organisationName: "Anders", sector: "zorg" }, cookie)).status).toBe(403);
    expect(http.one("select * from organisations where id = ?", contentOrganisation())).toEqual(before);
  });
});

/** The roles form as an admin sends it for the membership of this account. */
const setRole = (email: string, role: string, cookie: string) =>
  http.post("/beheer/rollen", { intent: "role", membershipId: String(membershipOf(email)), role }, cookie);

describe("roles", () => {
  it("makes a member facilitator of their region, who may then approve members there", async () => {
    const admin = await http.logIn(DEMO.admin);
    const member = await http.logIn(DEMO.member);
    expect((await http.get("/beheer/leden", member)).status).toBe(403);
    const changed = await setRole(DEMO.member, "facilitator", admin);
    expect(changed.status).toBe(200);
    expect(await http.html(changed)).toContain("Het lid is nu leertuinbegeleider.");
    expect((await http.get("/beheer/leden", member)).status).toBe(200);
    expect(http.one("select summary, region_id from audit_log where action = 'membership.role-change'")).toEqual({
      summary: "member → facilitator",
      region_id: idOf("select id from regions where slug = 'zeeland'"),
    });
    await setRole(DEMO.member, "member", admin);
    expect((await http.get("/beheer/leden", member)).status).toBe(403);
  });

  it("gives no role to a membership that waits for approval", async () => {
    const admin = await http.logIn(DEMO.admin);
    const refused = await setRole(DEMO.pending, "facilitator", admin);
    expect(refused.status).toBe(400);
    expect(await http.html(refused)).toContain("Alleen een goedgekeurd lidmaatschap krijgt een rol.");
    expect(http.one("select role from memberships where id = ?", membershipOf(DEMO.pending))).toEqual({
      role: "member",
    });
  });

  it("grants and revokes platform admin, but never one's own", async () => {
    const admin = await http.logIn(DEMO.admin);
    const twente = await http.logIn(DEMO.otherMember);
    const grant = (email: string, value: "ja" | "nee", cookie = admin) =>
      http.post("/beheer/rollen", { intent: "admin", userId: String(userOf(email)), admin: value }, cookie);
    expect((await grant(DEMO.otherMember, "ja")).status).toBe(200);
    expect((await http.get("/beheer", twente)).status).toBe(200);
    expect((await grant(DEMO.otherMember, "nee")).status).toBe(200);
    expect((await http.get("/beheer", twente)).status).toBe(403);
    expect(http.sql("select action from audit_log where action like 'account.admin-%' order by id")).toEqual([
      { action: "account.admin-grant" },
      { action: "account.admin-revoke" },
    ]);

    const own = await grant(DEMO.admin, "nee");
    expect(own.status).toBe(400);
    expect(await http.html(own)).toContain("U kunt uw eigen beheerdersrol niet wijzigen.");
    expect(http.one("select is_admin from users where email = ?", DEMO.admin)).toEqual({ is_admin: 1 });
  });

  it("never takes the role from the last platform admin", () => {
    const outcome = setPlatformAdmin(server.db(), {
      actorId: userOf(DEMO.facilitator),
      userId: userOf(DEMO.admin),
      admin: false,
    });
    expect(outcome).toEqual({ ok: false, message: "Dit is de laatste platformbeheerder; die rol blijft." });
    expect(http.one("select count(*) as n from users where is_admin = 1")).toEqual({ n: 1 });
  });

  it("lists the people of one region when filtered", async () => {
    const html = await http.html(await http.get("/beheer/rollen?regio=twente", await http.logIn(DEMO.admin)));
    expect(html).toContain("Lid Twente (demo)");
    expect(html).not.toContain("Lid Zeeland (demo)");
    expect(html).toContain("2 accounts");
  });
});
