// Issue #17: sessions end when a new log-in replaces them, and after 8 idle hours for facilitators and admins.
import { describe, expect, it } from "vitest";

import { DEMO, httpClient } from "../support/http";
import { useTestServer } from "../support/test-server";

const server = useTestServer();
const http = httpClient(server);

const loggedInAs = async (cookie: string) =>
  /Ingelogd als ([^<]+)</.exec(await http.html(await http.get("/", cookie)))?.[1] ?? null;
const sessionsOf = (email: string) =>
  http.sql<{ last_seen_at: string | null }>(
    "select s.last_seen_at from sessions s join users u on u.id = s.user_id where u.email = ?",
    email,
  );
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
const setLastSeen = (email: string, iso: string) =>
  server
    .db()
    .$client.prepare("update sessions set last_seen_at = ? where user_id = (select id from users where email = ?)")
    .run(iso, email);

describe("logging in again", () => {
  it("ends the session whose cookie the browser sent", async () => {
    const first = await http.logIn(DEMO.member);
    const again = await http.post("/inloggen", { email: DEMO.member, password: "leertuin-demo" }, first);
    expect(again.status).toBe(302);
    const second = http.cookieOf(again);
    expect(second).not.toBe(first);
    expect(await loggedInAs(first)).toBeNull();
    expect(await loggedInAs(second)).toBe("Lid Zeeland (demo)");
    expect(sessionsOf(DEMO.member)).toHaveLength(1);
  });

  it("also when another account logs in in the same browser, and leaves other devices alone", async () => {
    const otherDevice = await http.logIn(DEMO.member);
    const here = await http.logIn(DEMO.member);
    const switched = await http.post("/inloggen", { email: DEMO.otherMember, password: "leertuin-demo" }, here);
    expect(await loggedInAs(here)).toBeNull();
    expect(await loggedInAs(http.cookieOf(switched))).toBe("Lid Twente (demo)");
    expect(await loggedInAs(otherDevice)).toBe("Lid Zeeland (demo)");
  });
});

describe("idle timeout", () => {
  it("logs a facilitator out after more than 8 hours without a request", async () => {
    const cookie = await http.logIn(DEMO.facilitator);
    setLastSeen(DEMO.facilitator, hoursAgo(8.1));
    expect(await loggedInAs(cookie)).toBeNull();
    expect(sessionsOf(DEMO.facilitator)).toEqual([]);
    const agenda = await http.get("/regios/zeeland/agenda", cookie);
    expect(agenda.headers.get("location")).toMatch(/^\/inloggen\?redirectTo=/);
  });

  it("logs an admin out after 8 idle hours too", async () => {
    const cookie = await http.logIn(DEMO.admin);
    setLastSeen(DEMO.admin, hoursAgo(9));
    expect(await loggedInAs(cookie)).toBeNull();
  });

  it("keeps a facilitator who was active within 8 hours, and slides the time along", async () => {
    const cookie = await http.logIn(DEMO.facilitator);
    setLastSeen(DEMO.facilitator, hoursAgo(7.5));
    expect(await loggedInAs(cookie)).toBe("Begeleider Zeeland (demo)");
    const [session] = sessionsOf(DEMO.facilitator);
    expect(Date.now() - Date.parse(session!.last_seen_at!)).toBeLessThan(60_000);
  });

  it("keeps a member for the whole 14 days, however long idle", async () => {
    const cookie = await http.logIn(DEMO.member);
    setLastSeen(DEMO.member, hoursAgo(24 * 10));
    expect(await loggedInAs(cookie)).toBe("Lid Zeeland (demo)");
    server.db().$client.prepare("update sessions set expires_at = ?").run(hoursAgo(0.01));
    expect(await loggedInAs(cookie)).toBeNull();
  });

  it("writes last_seen_at at most once a minute", async () => {
    const cookie = await http.logIn(DEMO.facilitator);
    expect(sessionsOf(DEMO.facilitator)).toEqual([{ last_seen_at: null }]);
    await loggedInAs(cookie);
    expect(sessionsOf(DEMO.facilitator)).toEqual([{ last_seen_at: null }]);
    const recent = new Date(Date.now() - 30_000).toISOString();
    setLastSeen(DEMO.facilitator, recent);
    await loggedInAs(cookie);
    expect(sessionsOf(DEMO.facilitator)).toEqual([{ last_seen_at: recent }]);
  });
});
