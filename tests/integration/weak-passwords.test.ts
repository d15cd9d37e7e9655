// Issue #17, finding 9: every place a password is set refuses weak ones, in Dutch, keeping the rest of the form.
import { describe, expect, it } from "vitest";

import { DEMO, httpClient } from "../support/http";
import { useTestServer } from "../support/test-server";

const server = useTestServer();
const http = httpClient(server);

const userId = (email: string) => http.one<{ id: number }>("select id from users where email = ?", email)!.id;
const passwordHash = (email: string) =>
  http.one<{ password_hash: string }>("select password_hash from users where email = ?", email)!.password_hash;

function registration(password: string) {
  const organisation = http.one<{ id: number }>(
    "select o.id from organisations o join regions r on r.id = o.region_id where r.slug = 'twente' limit 1",
  )!.id;
  return {
    name: "Sanne Testpersoon",
    email: "sanne.testpersoon@voorbeeld.nl",
    profession: "intern begeleider",
    region: "twente",
    organisation: String(organisation),
    password,
    passwordRepeat: password,
  };
}

describe("weak passwords are refused everywhere a password is set", () => {
  it.each([
    ["aaaaaaaaaaaa", 'Het herhaalt steeds hetzelfde teken, zoals "aaa".'],
    ["password1234", "Het lijkt sterk op een veelgebruikt of gelekt wachtwoord."],
    ["Sanne-Testpersoon-1", "Uw wachtwoord bevat uw naam of (een deel van) uw e-mailadres"],
    ["sanne.testpersoon!", "Uw wachtwoord bevat uw naam of (een deel van) uw e-mailadres"],
  ])("registration refuses %s and keeps the other fields", async (password, message) => {
    const response = await http.post("/registreren", registration(password));
    expect(response.status).toBe(400);
    const html = await http.html(response);
    expect(html).toContain(message);
    expect(html).toMatch(/aria-invalid="true" aria-describedby="[^"]*password-fout"/);
    expect(html).toContain('value="Sanne Testpersoon"');
    expect(html).toContain('value="sanne.testpersoon@voorbeeld.nl"');
    expect(html).toContain('value="intern begeleider"');
    expect(html).not.toContain(`value="${password}"`);
    expect(http.one("select count(*) as n from users where email = 'sanne.testpersoon@voorbeeld.nl'")).toEqual({
      n: 0,
    });
  });

  it("registration accepts a long passphrase", async () => {
    const response = await http.post("/registreren", registration("paarse olifanten dansen zacht"));
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/registreren/bedankt?regio=twente");
  });

  it("changing the password in /account refuses a weak or personal one and keeps the old password", async () => {
    const cookie = await http.logIn(DEMO.member);
    const before = passwordHash(DEMO.member);
    for (const [newPassword, message] of [
      ["password1234", "Dit wachtwoord is te makkelijk te raden."],
      ["lid.zeeland-2026", "Uw wachtwoord bevat uw naam of (een deel van) uw e-mailadres"],
    ] as const) {
      const response = await http.post(
        "/account",
        { intent: "password", currentPassword: "leertuin-demo", newPassword, newPasswordRepeat: newPassword },
        cookie,
      );
      expect(response.status).toBe(400);
      const html = await http.html(response);
      expect(html).toContain(message);
      expect(html).toMatch(/aria-invalid="true" aria-describedby="[^"]*newPassword-fout"/);
    }
    expect(passwordHash(DEMO.member)).toBe(before);
    expect(http.sql("select * from audit_log where action = 'account.password-changed'")).toEqual([]);
  });

  it("a reset link refuses a weak password and stays usable", async () => {
    const facilitator = await http.logIn(DEMO.facilitator);
    const issued = await http.html(
      await http.post("/beheer/leden", { intent: "reset-link", userId: String(userId(DEMO.member)) }, facilitator),
    );
    const token = /\/wachtwoord-herstellen\/([A-Za-z0-9_-]{43})/.exec(issued)![1];
    const before = passwordHash(DEMO.member);
    const weak = await http.post(`/wachtwoord-herstellen/${token}`, {
      password: "wachtwoord123",
      passwordRepeat: "wachtwoord123",
    });
    expect(weak.status).toBe(400);
    const html = await http.html(weak);
    expect(html).toContain("Dit wachtwoord is te makkelijk te raden.");
    expect(html).toContain("lid.zeeland@leertuin.test");
    expect(passwordHash(DEMO.member)).toBe(before);
    const personal = await http.post(`/wachtwoord-herstellen/${token}`, {
      password: "Lid Zeeland (demo) 2026",
      passwordRepeat: "Lid Zeeland (demo) 2026",
    });
    expect(await http.html(personal)).toContain("Uw wachtwoord bevat uw naam");
    const good = await http.post(`/wachtwoord-herstellen/${token}`, {
      password: "paarse olifanten dansen zacht",
      passwordRepeat: "paarse olifanten dansen zacht",
    });
    expect(good.status).toBe(302);
  });
});
