import { DEMO_PASSWORD } from "../../app/auth/demo-accounts.server";

/** Requests against a test server (its URL known once it started) as a browser would send them (same-origin, no redirects followed). */
export function httpClient(base: () => string) {
  const get = (path: string, cookie?: string) => fetch(base() + path, { redirect: "manual", headers: cookie ? { cookie } : {} });
  const post = (path: string, form: Record<string, string> | URLSearchParams, cookie?: string) =>
    fetch(base() + path, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: base(), ...(cookie ? { cookie } : {}) },
      body: form instanceof URLSearchParams ? form : new URLSearchParams(form),
    });
  /** Logs in and returns the session cookie ("name=value"). */
  const logIn = async (email: string, password = DEMO_PASSWORD) => {
    const response = await post("/inloggen", { email, password });
    if (response.status !== 302) throw new Error(`log-in as ${email} answered ${response.status}`);
    return cookieOf(response);
  };
  return { get, post, logIn };
}

export const cookieOf = (response: Response) => response.headers.get("set-cookie")!.split(";")[0]!;

/** The page's text content without React's text separators, for `toContain` checks. */
export const textOf = async (response: Response) => (await response.text()).replaceAll("<!-- -->", "");
