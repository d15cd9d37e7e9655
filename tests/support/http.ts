import type { TestServer } from "./test-server";

/** Requests as a browser on Leertuin's own pages sends them: same-origin forms, redirects not followed. */
export function httpClient(server: TestServer) {
  const get = (path: string, cookie?: string) => fetch(server.url + path, { redirect: "manual", headers: cookie ? { cookie } : {} });
  const post = (path: string, form: Record<string, string> | URLSearchParams, cookie?: string) =>
    fetch(server.url + path, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: server.url, ...(cookie ? { cookie } : {}) },
      body: new URLSearchParams(form),
    });
  const cookieOf = (response: Response) => response.headers.get("set-cookie")!.split(";")[0]!;
  /** A new session of the account; each call is another device. */
  const logIn = async (email: string, password = "leertuin-demo") => {
    const response = await post("/inloggen", { email, password });
    if (response.status !== 302) throw new Error(`log-in of ${email} answered ${response.status}`);
    return cookieOf(response);
  };
  /** The page as a reader sees its text: without React's separators and with quotes unescaped. */
  const html = async (response: Response) =>
    (await response.text()).replaceAll("<!-- -->", "").replaceAll("&#x27;", "'").replaceAll("&quot;", '"');
  const sql = <T = Record<string, unknown>>(query: string, ...params: unknown[]) => server.db().$client.prepare(query).all(...params) as T[];
  const one = <T = Record<string, unknown>>(query: string, ...params: unknown[]) => sql<T>(query, ...params)[0];
  return { get, post, cookieOf, logIn, html, sql, one };
}

/** The demo accounts by the part of the permission table they stand for. */
export const DEMO = {
  pending: "nieuw@leertuin.test",
  member: "lid.zeeland@leertuin.test",
  otherMember: "lid.twente@leertuin.test",
  facilitator: "begeleider.zeeland@leertuin.test",
  otherFacilitator: "begeleider.twente@leertuin.test",
  admin: "admin@leertuin.test",
} as const;
