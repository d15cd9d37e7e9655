import { describe, expect, it } from "vitest";

import { httpClient } from "../support/http";
import { useTestServer } from "../support/test-server";

const server = useTestServer();
const http = httpClient(server);

function organisationOf(region: string) {
  return server
    .db()
    .$client.prepare("select o.id from organisations o join regions r on r.id = o.region_id where r.slug = ? limit 1")
    .get(region) as { id: number };
}

function registration(overrides: Record<string, string> = {}) {
  return {
    name: "Sanne Testpersoon",
    email: "nieuwe.collega@voorbeeld.nl",
    profession: "intern begeleider",
    region: "twente",
    organisation: String(organisationOf("twente").id),
    password: "een-lang-wachtwoord",
    passwordRepeat: "een-lang-wachtwoord",
    ...overrides,
  };
}

const membership = (email: string) =>
  server
    .db()
    .$client.prepare("select m.status, m.role from memberships m join users u on u.id = m.user_id where u.email = ?")
    .get(email);

describe("registration → approval → log-in", () => {
  it("creates a pending membership that the region's facilitator approves", async () => {
    const registered = await http.post("/registreren", registration());
    expect(registered.status).toBe(302);
    expect(registered.headers.get("location")).toBe("/registreren/bedankt?regio=twente");
    // No session yet: a known address gets this same answer (issue #17, finding 8).
    expect(registered.headers.get("set-cookie")).toBeNull();
    const thanks = await (await http.get(registered.headers.get("location")!)).text();
    expect(thanks.replaceAll("<!-- -->", "")).toContain(
      "Uw aanvraag voor de leertuin Twente gaat naar de leertuinbegeleider",
    );
    const applicant = await http.logIn("nieuwe.collega@voorbeeld.nl", "een-lang-wachtwoord");
    expect(await http.html(await http.get("/registreren/bedankt", applicant))).toContain(
      "Uw aanvraag voor de leertuin Twente wacht op goedkeuring",
    );
    expect(membership("nieuwe.collega@voorbeeld.nl")).toEqual({ status: "pending", role: "member" });

    const facilitator = await http.logIn("begeleider.twente@leertuin.test");
    const list = await (await http.get("/beheer/leden", facilitator)).text();
    expect(list).toContain("Sanne Testpersoon");
    const { id } = server
      .db()
      .$client.prepare("select m.id from memberships m join users u on u.id = m.user_id where u.email = ?")
      .get("nieuwe.collega@voorbeeld.nl") as { id: number };
    const approved = await http.post("/beheer/leden", { intent: "approve", membershipId: String(id) }, facilitator);
    expect(approved.status).toBe(200);
    expect(await approved.text()).toContain("De aanvraag is goedgekeurd.");
    expect(membership("nieuwe.collega@voorbeeld.nl")).toEqual({ status: "active", role: "member" });
    const audit = server
      .db()
      .$client.prepare("select action from audit_log where target_type = 'membership' and target_id = ? order by id")
      .all(String(id));
    expect(audit).toEqual([{ action: "membership.request" }, { action: "membership.approve" }]);

    expect(
      (await http.post("/inloggen", { email: "nieuwe.collega@voorbeeld.nl", password: "een-lang-wachtwoord" })).status,
    ).toBe(302);
  });

  it("keeps what was typed and explains each mistake in Dutch", async () => {
    const response = await http.post(
      "/registreren",
      registration({ email: "geen-adres", password: "kort", passwordRepeat: "anders", profession: "" }),
    );
    expect(response.status).toBe(400);
    const html = (await response.text()).replaceAll("&#x27;", "'");
    expect(html).toContain("Vul een geldig e-mailadres in");
    expect(html).toContain("Kies een wachtwoord van minstens 12 tekens.");
    expect(html).toContain("Vul uw beroep of functie in.");
    expect(html).toContain('value="Sanne Testpersoon"');
    expect(html).toContain('value="geen-adres"');
    expect(server.db().$client.prepare("select count(*) as n from users where email = 'geen-adres'").get()).toEqual({
      n: 0,
    });
  });

  it("never sends a typed password back", async () => {
    const response = await http.post(
      "/registreren",
      registration({ email: "geen-adres", password: "mijn-geheime-zin-123", passwordRepeat: "mijn-geheime-zin-123" }),
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('value="geen-adres"');
    expect(html).not.toContain("mijn-geheime-zin-123");
  });

  it("refuses an organisation from another region; an address that has an account changes nothing", async () => {
    const other = await http.post("/registreren", registration({ organisation: String(organisationOf("zeeland").id) }));
    expect(other.status).toBe(400);
    expect(await other.text()).toContain("Kies een organisatie uit de leertuin Twente.");
    const users = server.db().$client.prepare("select count(*) as n from users").get();
    const taken = await http.post("/registreren", registration({ email: "lid.zeeland@leertuin.test" }));
    expect(taken.status).toBe(302);
    expect(taken.headers.get("location")).toBe("/registreren/bedankt?regio=twente");
    expect(server.db().$client.prepare("select count(*) as n from users").get()).toEqual(users);
    expect(membership("lid.zeeland@leertuin.test")).toEqual({ status: "active", role: "member" });
  });
});

describe("who may approve", () => {
  const pendingId = () =>
    (
      server
        .db()
        .$client.prepare(
          "select m.id from memberships m join users u on u.id = m.user_id where u.email = 'nieuw@leertuin.test'",
        )
        .get() as { id: number }
    ).id;

  it("sends a visitor to log in", async () => {
    const response = await http.get("/beheer/leden");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/inloggen?redirectTo=%2Fbeheer%2Fleden");
    expect((await http.post("/beheer/leden", { intent: "approve", membershipId: String(pendingId()) })).status).toBe(
      302,
    );
  });

  it.each([
    ["a pending member", "nieuw@leertuin.test"],
    ["a member", "lid.zeeland@leertuin.test"],
  ])("refuses %s with 403", async (_who, email) => {
    const cookie = await http.logIn(email);
    const refused = await http.get("/beheer/leden", cookie);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("Alleen leertuinbegeleiders en beheerders kunnen hier werken.");
    expect(
      (await http.post("/beheer/leden", { intent: "approve", membershipId: String(pendingId()) }, cookie)).status,
    ).toBe(403);
    expect(membership("nieuw@leertuin.test")).toEqual({ status: "pending", role: "member" });
  });

  it("refuses the facilitator of another region with 403, and does not show the request", async () => {
    const cookie = await http.logIn("begeleider.twente@leertuin.test");
    expect(await (await http.get("/beheer/leden", cookie)).text()).not.toContain("Nieuw lid (demo)");
    expect(
      (await http.post("/beheer/leden", { intent: "approve", membershipId: String(pendingId()) }, cookie)).status,
    ).toBe(403);
    expect(membership("nieuw@leertuin.test")).toEqual({ status: "pending", role: "member" });
  });

  it.each([
    ["the region's facilitator", "begeleider.zeeland@leertuin.test"],
    ["an admin", "admin@leertuin.test"],
  ])("lets %s reject", async (_who, email) => {
    const cookie = await http.logIn(email);
    expect(
      (await http.post("/beheer/leden", { intent: "reject", membershipId: String(pendingId()) }, cookie)).status,
    ).toBe(200);
    expect(membership("nieuw@leertuin.test")).toEqual({ status: "rejected", role: "member" });
    // A decided request cannot be decided again.
    expect(
      (await http.post("/beheer/leden", { intent: "approve", membershipId: String(pendingId()) }, cookie)).status,
    ).toBe(403);
  });

  it("answers a malformed decision with 400", async () => {
    const cookie = await http.logIn("admin@leertuin.test");
    expect((await http.post("/beheer/leden", { intent: "wissen", membershipId: "x" }, cookie)).status).toBe(400);
  });
});
