import { generate, generateSecret } from "otplib";

import { sealTotpSecret } from "~/auth/totp-secret-box.server";
import type { httpClient } from "./http";

type Http = ReturnType<typeof httpClient>;

/**
 * A code the server has not seen yet: the app's code for the earliest time step (now, or the next one,
 * within the server's tolerance) after the last step the account used. Codes never work twice.
 */
export async function freshCode(http: Http, email: string, secret: string): Promise<string> {
  const row = http.one<{ last_time_step: number }>(
    "select t.last_time_step from totp_credentials t join users u on u.id = t.user_id where u.email = ?",
    email,
  );
  const now = Math.floor(Date.now() / 1000 / 30);
  const step = Math.max(now, (row?.last_time_step ?? 0) + 1);
  if (step > now + 1) throw new Error("no unused code left in this 30-second window");
  return generate({ secret, epoch: step * 30 });
}

/** Gives the account an authenticator app directly in the database (for tests about what comes after). */
export function enrolTotp(http: Http, email: string): string {
  const secret = generateSecret();
  const { id } = http.one<{ id: number }>("select id from users where email = ?", email)!;
  http.sql(
    "insert into totp_credentials (user_id, secret) values (?, ?) returning user_id",
    id,
    sealTotpSecret(id, secret), // the test server runs in this process, with the same key
  );
  return secret;
}

/** Both log-in steps; returns the session cookie. */
export async function logInWithCode(http: Http, email: string, secret: string, password = "leertuin-demo") {
  const first = await http.post("/inloggen", { email, password });
  if (first.status !== 302 || first.headers.get("location") !== "/inloggen/code")
    throw new Error(`password step of ${email} answered ${first.status} ${first.headers.get("location")}`);
  const pending = http.cookieOf(first);
  const second = await http.post("/inloggen/code", { code: await freshCode(http, email, secret) }, pending);
  if (second.status !== 302) throw new Error(`code step of ${email} answered ${second.status}`);
  return sessionCookieOf(second);
}

/** The session cookie among the cookies a response sets (the code step also clears the pending one). */
export function sessionCookieOf(response: Response): string {
  const cookie = response.headers.getSetCookie().find((c) => /^(__Host-)?leertuin_sessie=/.test(c));
  if (!cookie) throw new Error("no session cookie");
  return cookie.split(";")[0]!;
}
