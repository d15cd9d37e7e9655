// Issue #17: in production (served over HTTPS behind the proxy) the session cookie is a __Host- cookie.
process.env.NODE_ENV = "production";

import { describe, expect, it } from "vitest";

import { DEMO, httpClient } from "../support/http";
import { useTestServer } from "../support/test-server";

const server = useTestServer();
const http = httpClient(server);

describe("the session cookie in production", () => {
  it("has the __Host- prefix, Secure, HttpOnly, Path=/ and no Domain", async () => {
    const response = await http.post("/inloggen", { email: DEMO.member, password: "leertuin-demo" });
    expect(response.status).toBe(302);
    const cookie = response.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^__Host-leertuin_sessie=/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).not.toMatch(/Domain=/i);
  });

  it("logs the member in, and their pages never come from the visitors' page cache", async () => {
    const visitorPage = await http.html(await http.get("/dilemmas"));
    expect(visitorPage).not.toContain("Ingelogd als");
    const cookie = await http.logIn(DEMO.member);
    expect(cookie).toMatch(/^__Host-leertuin_sessie=/);
    expect(await http.html(await http.get("/dilemmas", cookie))).toContain("Ingelogd als Lid Zeeland");
    // The cookie without its prefix is another cookie: no session.
    const unprefixed = cookie.replace("__Host-", "");
    expect(await http.html(await http.get("/dilemmas", unprefixed))).not.toContain("Ingelogd als");
  });

  it("the pending cookie of a two-factor log-in has the prefix too", async () => {
    const { id } = http.one<{ id: number }>("select id from users where email = ?", DEMO.member)!;
    http.sql(
      "insert into totp_credentials (user_id, secret) values (?, 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP') returning user_id",
      id,
    );
    const response = await http.post("/inloggen", { email: DEMO.member, password: "leertuin-demo" });
    expect(response.headers.get("location")).toBe("/inloggen/code");
    expect(response.headers.get("set-cookie")).toMatch(/^__Host-leertuin_inlogstap=.*; Secure/);
  });
});
