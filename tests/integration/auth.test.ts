import { describe, expect, it } from "vitest";

import { useTestServer } from "../support/test-server";

const server = useTestServer();

async function logIn(email: string, password: string, redirectTo?: string) {
  const body = new URLSearchParams({ email, password, ...(redirectTo ? { redirectTo } : {}) });
  return fetch(`${server.url}/inloggen`, {
    method: "POST",
    redirect: "manual",
    headers: { origin: server.url, "content-type": "application/x-www-form-urlencoded" },
    body,
  });
}

const cookieOf = (response: Response) => response.headers.get("set-cookie")!.split(";")[0]!;
const page = async (path: string, cookie?: string) =>
  (await (await fetch(server.url + path, { headers: cookie ? { cookie } : {} })).text()).replaceAll("<!-- -->", "");

describe("logging in", () => {
  it("logs in with the demo password, sets a safe cookie and shows who is logged in", async () => {
    const response = await logIn("lid.zeeland@leertuin.test", "leertuin-demo");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/");
    const setCookie = response.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/^leertuin_sessie=/);
    expect(setCookie).toContain("HttpOnly");
    expect(setCookie).toContain("SameSite=Lax");
    expect(await page("/", cookieOf(response))).toContain("Ingelogd als Lid Zeeland (demo)");
    expect(await page("/")).not.toContain("Ingelogd als");
  });

  it("stores the session hashed, and the log-in in the audit log", async () => {
    const response = await logIn("admin@leertuin.test", "leertuin-demo");
    const token = decodeURIComponent(cookieOf(response).split("=")[1]!);
    const db = server.db().$client;
    const sessions = db.prepare("select id_hash from sessions").all() as { id_hash: string }[];
    expect(sessions).toHaveLength(1);
    expect(token).not.toContain(sessions[0]!.id_hash);
    expect(db.prepare("select count(*) as n from audit_log where action = 'auth.login'").get()).toEqual({ n: 1 });
  });

  it("gives the same answer for a wrong password as for an unknown address, and keeps the address", async () => {
    const wrong = await logIn("lid.zeeland@leertuin.test", "niet-het-wachtwoord");
    const unknown = await logIn("niemand@leertuin.test", "leertuin-demo");
    expect(wrong.status).toBe(400);
    expect(unknown.status).toBe(400);
    const [wrongHtml, unknownHtml] = [await wrong.text(), await unknown.text()];
    expect(wrongHtml).toContain("Deze combinatie van e-mailadres en wachtwoord kennen we niet.");
    expect(unknownHtml).toContain("Deze combinatie van e-mailadres en wachtwoord kennen we niet.");
    expect(wrongHtml).toContain('value="lid.zeeland@leertuin.test"');
    expect(wrongHtml).not.toContain("niet-het-wachtwoord");
    expect(wrong.headers.get("set-cookie")).toBeNull();
  });

  it("explains a missing or malformed field next to it", async () => {
    const response = await logIn("geen-adres", "");
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Vul een geldig e-mailadres in");
    expect(html).toContain("Vul uw wachtwoord in.");
    expect(html).toMatch(/aria-invalid="true" aria-describedby="email-fout"/);
  });

  it("goes back to where the person came from, but never to another site", async () => {
    expect((await logIn("lid.twente@leertuin.test", "leertuin-demo", "/regios/twente")).headers.get("location")).toBe(
      "/regios/twente",
    );
    expect(
      (await logIn("lid.twente@leertuin.test", "leertuin-demo", "//kwaadwillend.example")).headers.get("location"),
    ).toBe("/");
    expect(
      (await logIn("lid.twente@leertuin.test", "leertuin-demo", "https://kwaadwillend.example")).headers.get(
        "location",
      ),
    ).toBe("/");
  });
});

describe("sessions", () => {
  it("ends the session on log-out: the old cookie no longer works", async () => {
    const cookie = cookieOf(await logIn("lid.twente@leertuin.test", "leertuin-demo"));
    const out = await fetch(`${server.url}/uitloggen`, {
      method: "POST",
      redirect: "manual",
      headers: { cookie, origin: server.url },
    });
    expect(out.status).toBe(302);
    expect(out.headers.get("set-cookie")).toMatch(/leertuin_sessie=;.*Max-Age=0/);
    expect(await page("/", cookie)).not.toContain("Ingelogd als");
    expect(server.db().$client.prepare("select count(*) as n from sessions").get()).toEqual({ n: 0 });
  });

  it("does not accept an expired session", async () => {
    const cookie = cookieOf(await logIn("lid.twente@leertuin.test", "leertuin-demo"));
    server.db().$client.prepare("update sessions set expires_at = '2000-01-01T00:00:00.000Z'").run();
    expect(await page("/", cookie)).not.toContain("Ingelogd als");
  });

  it("does not accept a forged cookie", async () => {
    expect(await page("/", "leertuin_sessie=vervalst")).not.toContain("Ingelogd als");
  });

  it("refuses a log-in posted from another site", async () => {
    const response = await fetch(`${server.url}/inloggen`, {
      method: "POST",
      redirect: "manual",
      headers: { origin: "https://kwaadwillend.example", "content-type": "application/x-www-form-urlencoded" },
      body: "email=lid.zeeland%40leertuin.test&password=leertuin-demo",
    });
    expect(response.status).toBe(403);
  });
});
