import { describe, expect, it, vi } from "vitest";

import { httpClient } from "../support/http";
import { useTestServer } from "../support/test-server";

const server = useTestServer();
const http = httpClient(server);

const sql = <T>(query: string, ...args: unknown[]) =>
  server
    .db()
    .$client.prepare(query)
    .get(...args) as T;
const userId = (email: string) => sql<{ id: number }>("select id from users where email = ?", email).id;

async function issueLink(issuerEmail: string, forEmail: string) {
  const issuer = await http.logIn(issuerEmail);
  const response = await http.post("/beheer/leden", { intent: "reset-link", userId: String(userId(forEmail)) }, issuer);
  const html = await http.html(response);
  const link = /https?:\/\/[^<\s]+\/wachtwoord-herstellen\/([A-Za-z0-9_-]{43})/.exec(html);
  return { response, html, token: link?.[1] };
}

describe("password-reset links", () => {
  it("lets a facilitator make a one-time link that sets a new password and ends every session", async () => {
    const before = sql<{ id: number }>("select max(id) as id from audit_log").id;
    const oldSession = await http.logIn("lid.zeeland@leertuin.test");
    const { response, token } = await issueLink("begeleider.zeeland@leertuin.test", "lid.zeeland@leertuin.test");
    expect(response.status).toBe(200);
    expect(token).toBeDefined();
    // Stored as a hash only.
    expect(JSON.stringify(server.db().$client.prepare("select * from password_resets").all())).not.toContain(token);

    const form = await http.html(await http.get(`/wachtwoord-herstellen/${token}`));
    expect(form).toContain("Nieuw wachtwoord kiezen");
    expect(form).toContain("lid.zeeland@leertuin.test");

    const tooShort = await http.post(`/wachtwoord-herstellen/${token}`, { password: "kort", passwordRepeat: "kort" });
    expect(tooShort.status).toBe(400);
    expect(await http.html(tooShort)).toContain("Kies een wachtwoord van minstens 12 tekens.");

    const done = await http.post(`/wachtwoord-herstellen/${token}`, {
      password: "een-nieuw-wachtwoord",
      passwordRepeat: "een-nieuw-wachtwoord",
    });
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe("/inloggen?hersteld=1");
    expect(await http.html(await http.get("/", oldSession))).not.toContain("Ingelogd als");
    await expect(http.logIn("lid.zeeland@leertuin.test")).rejects.toThrow(/answered 400/);
    expect(
      await http.html(await http.get("/", await http.logIn("lid.zeeland@leertuin.test", "een-nieuw-wachtwoord"))),
    ).toContain("Ingelogd als Lid Zeeland");

    // One time only.
    expect((await http.get(`/wachtwoord-herstellen/${token}`)).status).toBe(404);
    const again = await http.post(`/wachtwoord-herstellen/${token}`, {
      password: "nog-een-wachtwoord",
      passwordRepeat: "nog-een-wachtwoord",
    });
    expect(again.status).toBe(404);

    const actions = server
      .db()
      .$client.prepare("select action from audit_log where id > ? and action like 'account.%' order by id")
      .all(before);
    expect(actions).toEqual([{ action: "account.reset-link-issued" }, { action: "account.password-reset" }]);
  });

  it("refuses links for accounts outside the facilitator's reach", async () => {
    for (const target of ["admin@leertuin.test", "lid.twente@leertuin.test", "begeleider.twente@leertuin.test"]) {
      const { response, token } = await issueLink("begeleider.zeeland@leertuin.test", target);
      expect(response.status, target).toBe(403);
      expect(token).toBeUndefined();
    }
    expect(sql<{ n: number }>("select count(*) as n from password_resets").n).toBe(0);
  });

  it("answers an expired or made-up link with a clear 404", async () => {
    const { token } = await issueLink("admin@leertuin.test", "lid.twente@leertuin.test");
    server.db().$client.prepare("update password_resets set expires_at = '2000-01-01T00:00:00.000Z'").run();
    const expired = await http.get(`/wachtwoord-herstellen/${token}`);
    expect(expired.status).toBe(404);
    expect(await http.html(expired)).toContain("Deze herstellink werkt niet (meer)");
    expect((await http.get("/wachtwoord-herstellen/kort")).status).toBe(404);
  });
});

describe("audit log page", () => {
  it("shows a facilitator their region's entries, filterable, and not another region's", async () => {
    const zeeland = await http.logIn("begeleider.zeeland@leertuin.test");
    const { id } = sql<{ id: number }>(
      "select m.id from memberships m join users u on u.id = m.user_id where u.email = 'nieuw@leertuin.test'",
    );
    expect((await http.post("/beheer/leden", { intent: "approve", membershipId: String(id) }, zeeland)).status).toBe(
      200,
    );

    const log = await http.html(await http.get("/beheer/logboek", zeeland));
    expect(log).toContain("lidmaatschap goedgekeurd");
    expect(log).toContain("Begeleider Zeeland (demo)");

    const filtered = await http.html(await http.get("/beheer/logboek?soort=auth", zeeland));
    expect(filtered).not.toContain("lidmaatschap goedgekeurd");

    const twente = await http.html(
      await http.get("/beheer/logboek", await http.logIn("begeleider.twente@leertuin.test")),
    );
    expect(twente).not.toContain("lidmaatschap goedgekeurd");
    const admin = await http.html(
      await http.get("/beheer/logboek?soort=membership", await http.logIn("admin@leertuin.test")),
    );
    expect(admin).toContain("lidmaatschap goedgekeurd");
  });

  it("answers bad filters with 404, not an error", async () => {
    const admin = await http.logIn("admin@leertuin.test");
    for (const query of ["soort=alles", "van=gisteren", "tot=2026-13-45", "pagina=0", "regio=nergens", "pagina=999"]) {
      expect((await http.get(`/beheer/logboek?${query}`, admin)).status, query).toBe(404);
    }
  });
});

describe("a write and its audit entry are one transaction", () => {
  it("leaves neither when writing the audit entry fails", async () => {
    vi.mocked(console.error).mockImplementation(() => {});
    server
      .db()
      .$client.exec(
        "create trigger fail_audit before insert on audit_log when new.action = 'membership.approve' begin select raise(abort, 'forced failure'); end",
      );
    const zeeland = await http.logIn("begeleider.zeeland@leertuin.test");
    const { id } = sql<{ id: number }>(
      "select m.id from memberships m join users u on u.id = m.user_id where u.email = 'nieuw@leertuin.test'",
    );
    const response = await http.post("/beheer/leden", { intent: "approve", membershipId: String(id) }, zeeland);
    expect(response.status).toBe(500);
    expect(sql<{ status: string }>("select status from memberships where id = ?", id).status).toBe("pending");
    expect(sql<{ n: number }>("select count(*) as n from audit_log where action like 'membership.approve'").n).toBe(0);
  });
});
