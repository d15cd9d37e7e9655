// Regression tests for the HTTP findings of issue #17 (an outside security test), each reproduced over
// HTTP against the real server: redirects, forwarded hosts, hide reasons, withdrawn text, CSV cells,
// account enumeration, odd bodies and caching.
import { describe, expect, it } from "vitest";

import { DEMO, httpClient, publishForm, zeelandAnswersTwenteLacks } from "../support/http";
import { useTestServer } from "../support/test-server";

const server = useTestServer();
const http = httpClient(server);

const loginPost = (form: Record<string, string>) =>
  fetch(`${server.url}/inloggen`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: server.url },
    body: new URLSearchParams(form),
  });

describe("finding 1: the redirect after log-in stays on Leertuin", () => {
  const hostile = [
    "/\t/evil.example",
    "/%09/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "\t//evil.example",
    "//evil.example",
    "/\\evil.example",
    "/\\/evil.example",
    "\\\\evil.example",
    "https://evil.example",
    "/\u00a0/evil.example",
    "/日本/pagina",
    "/pagina\r\nSet-Cookie: x=1",
    " /evil",
  ];

  it.each(hostile)("logs in and lands on / for redirectTo %j, never a 500", async (redirectTo) => {
    const response = await loginPost({ email: DEMO.member, password: "leertuin-demo", redirectTo });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/");
  });

  it("offers only a safe path in the log-in form, whatever the address says", async () => {
    for (const redirectTo of ["/\t/evil.example", "/\r\n/x", "/日本"]) {
      const response = await http.get(`/inloggen?${new URLSearchParams({ redirectTo })}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('name="redirectTo" value="/"');
    }
  });

  it("still goes back to a page of Leertuin, with its query", async () => {
    const response = await loginPost({
      email: DEMO.member,
      password: "leertuin-demo",
      redirectTo: "/zoeken?q=school%20en%20wijkteam",
    });
    expect(response.headers.get("location")).toBe("/zoeken?q=school%20en%20wijkteam");
  });
});

describe("finding 3: links never follow a forwarded or forged host", () => {
  const forged = { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", host: "evil.example" };

  it.each(["/feeds/regios/zeeland.atom", "/api/regios/zeeland/afspraken.json", "/api/regios/zeeland/afspraken.csv"])(
    "%s builds its links from PUBLIC_URL, also for the next visitor from the page cache",
    async (path) => {
      const poisoned = await fetch(server.url + path, { headers: forged });
      expect(poisoned.status).toBe(200);
      const body = await poisoned.text();
      expect(body).not.toContain("evil.example");
      expect(body).toContain(`${server.url}/`);
      const next = await (await fetch(server.url + path)).text();
      expect(next).not.toContain("evil.example");
    },
  );

  it("a dilemma's open data too", async () => {
    const slug = http.one<{ slug: string }>("select slug from dilemmas where status = 'answered' limit 1")!.slug;
    const body = await (await fetch(`${server.url}/api/dilemmas/${slug}`, { headers: forged })).text();
    expect(body).not.toContain("evil.example");
  });
});

describe("finding 4: a hide reason always passes the anonymity guard", () => {
  const dilemmaOf = (region: string) =>
    http.one<{ slug: string }>(
      "select d.slug from dilemmas d join regions r on r.id = d.origin_region_id where r.slug = ? and d.status = 'answered' order by d.id limit 1",
      region,
    )!.slug;

  it("refuses a comment id from another dilemma than the one in the address, storing nothing", async () => {
    const own = dilemmaOf("zeeland");
    const elsewhere = dilemmaOf("twente");
    await http.post(
      `/dilemmas/${own}`,
      { intent: "comment", body: "Een gewone reactie." },
      await http.logIn(DEMO.member),
    );
    const commentId = http.one<{ id: number }>("select id from comments order by id desc limit 1")!.id;
    const facilitator = await http.logIn(DEMO.facilitator);
    // The Zeeland facilitator posts to Twente's dilemma with the id of a comment on Zeeland's.
    const response = await http.post(
      `/dilemmas/${elsewhere}`,
      { intent: "hide", commentId: String(commentId), reason: "Bel mevrouw Jansen op 06-12345678 hierover." },
      facilitator,
    );
    expect([403, 404]).toContain(response.status);
    expect(http.one("select hidden_at, hidden_reason from comments where id = ?", commentId)).toEqual({
      hidden_at: null,
      hidden_reason: null,
    });
  });

  it("blocks a phone number in the reason at the comment's own dilemma", async () => {
    const own = dilemmaOf("zeeland");
    await http.post(`/dilemmas/${own}`, { intent: "comment", body: "Nog een reactie." }, await http.logIn(DEMO.member));
    const commentId = http.one<{ id: number }>("select id from comments order by id desc limit 1")!.id;
    const response = await http.post(
      `/dilemmas/${own}`,
      { intent: "hide", commentId: String(commentId), reason: "Bel mevrouw Jansen op 06-12345678 hierover." },
      await http.logIn(DEMO.facilitator),
    );
    expect(response.status).toBe(422);
    expect(http.one("select hidden_at from comments where id = ?", commentId)).toEqual({ hidden_at: null });
  });
});

describe("finding 5: a withdrawn answer's text leaves the change view of an answer adopted from it", () => {
  it("shows that the source was withdrawn instead of its words", async () => {
    const source = zeelandAnswersTwenteLacks(http)[0]!;
    const zeeland = await http.logIn(DEMO.facilitator);
    const zeelandWords = "Zeeuwse afspraak: bel eerst de ouders en daarna pas de school.";
    const revised = await http.post(
      `/dilemmas/${source.slug}/afspraken/zeeland/bewerken`,
      publishForm(http, { agreement: zeelandWords }),
      zeeland,
    );
    expect(revised.status).toBe(302);
    const version = Number(/\/zeeland\/(\d+)/.exec(revised.headers.get("location")!)![1]);
    const twente = await http.logIn(DEMO.otherFacilitator);
    const adopt = `/dilemmas/${source.slug}/afspraken/zeeland/${version}/overnemen`;
    const adoptPage = await http.html(await http.get(adopt, twente));
    const basis = /name="basis" value="([^"]*)"/.exec(adoptPage)?.[1];
    const adopted = await http.post(adopt, { intent: "adopt", region: "twente", ...(basis ? { basis } : {}) }, twente);
    expect(adopted.status).toBe(302);
    const editor = `/dilemmas/${source.slug}/afspraken/twente/bewerken`;
    const editorBasis = /name="basis" value="([^"]*)"/.exec(await http.html(await http.get(editor, twente)))?.[1];
    const published = await http.post(
      editor,
      publishForm(http, {
        agreement: "Twentse afspraak: het wijkteam belt de ouders zelf.",
        ...(editorBasis ? { basis: editorBasis } : {}),
      }),
      twente,
    );
    expect(published.status).toBe(302);
    const twentePage = published.headers.get("location")!.replace(/\?.*/, "");
    expect(await http.html(await http.get(twentePage))).toContain("Zeeuwse");

    expect(
      (
        await http.post(
          `/dilemmas/${source.slug}/afspraken/zeeland/bewerken`,
          { intent: "withdraw", reason: "De afspraak klopt niet meer met de wet." },
          zeeland,
        )
      ).status,
    ).toBe(302);
    for (const cookie of [undefined, twente, await http.logIn(DEMO.member)]) {
      const page = await http.html(await http.get(twentePage, cookie));
      expect(page).not.toContain("Zeeuwse");
      expect(page).toContain("De afspraak waarvan deze is overgenomen, is ingetrokken");
    }
  });
});

describe("finding 6: CSV cells cannot start a spreadsheet formula", () => {
  it("prefixes cells that start with = + - @ tab or CR with an apostrophe", async () => {
    const { slug } = http.one<{ slug: string }>(
      `select d.slug from current_answer_versions v join dilemmas d on d.id = v.dilemma_id join regions r on r.id = v.region_id
       where r.slug = 'zeeland' order by d.id limit 1`,
    )!;
    const published = await http.post(
      `/dilemmas/${slug}/afspraken/zeeland/bewerken`,
      publishForm(http, {
        conditions: '=HYPERLINK("http://evil.example","klik")\n@SUM(1+1)',
        agreement: "+31 is geen nummer maar een formule die begint met een plus.",
      }),
      await http.logIn(DEMO.facilitator),
    );
    expect(published.status).toBe(302);
    const csv = await (await fetch(`${server.url}/api/regios/zeeland/afspraken.csv`)).text();
    const row = csv.split("\r\n").find((line) => line.startsWith(`${slug},`))!;
    expect(row).toContain(`"'=HYPERLINK(""http://evil.example"",""klik"") | @SUM(1+1)"`);
    expect(row).toContain(",'+31 is geen nummer");
    // No other cell of the file starts a formula.
    for (const line of csv.replace(/^\uFEFF/, "").split("\r\n"))
      for (const cell of line.split(",")) expect(cell.replace(/^"/, "")).not.toMatch(/^[=+@\t\r]/);
  });
});

describe("finding 8: registration does not tell whether an address has an account", () => {
  const organisation = () =>
    http.one<{ id: number }>(
      "select o.id from organisations o join regions r on r.id = o.region_id where r.slug = 'twente' limit 1",
    )!.id;
  const form = (email: string) => ({
    name: "Iemand Anders",
    email,
    profession: "intern begeleider",
    region: "twente",
    organisation: String(organisation()),
    password: "paarse olifanten dansen zacht 7",
    passwordRepeat: "paarse olifanten dansen zacht 7",
  });

  it("answers a known address exactly as a new one, creates nothing and signs nobody in", async () => {
    const users = http.one<{ n: number }>("select count(*) as n from users")!.n;
    const known = await http.post("/registreren", form(DEMO.member));
    const fresh = await http.post("/registreren", form("iemand.anders@voorbeeld.nl"));
    expect(known.status).toBe(fresh.status);
    expect(known.headers.get("location")).toBe(fresh.headers.get("location"));
    expect(known.headers.get("set-cookie")).toBe(fresh.headers.get("set-cookie"));
    expect(await known.text()).toBe(await fresh.text());
    expect(http.one<{ n: number }>("select count(*) as n from users")!.n).toBe(users + 1);
    expect(http.one("select name from users where email = ?", DEMO.member)).toEqual({ name: "Lid Zeeland (demo)" });
    const thanks = await http.html(await http.get(known.headers.get("location")!));
    expect(thanks).not.toContain("Er is al een account");
    expect(thanks).not.toContain("Lid Zeeland");
  });
});

describe("finding 10: unsupported bodies are a 415, never a 500", () => {
  const slug = () => http.one<{ slug: string }>("select slug from dilemmas where status = 'answered' limit 1")!.slug;
  const send = (path: string, headers: Record<string, string>, body: string | undefined, cookie?: string) =>
    fetch(server.url + path, {
      method: "POST",
      redirect: "manual",
      headers: { origin: server.url, ...headers, ...(cookie ? { cookie } : {}) },
      body,
    });

  it.each([
    ["text/plain", { "content-type": "text/plain" }, "email=a@b.nl&password=x"],
    ["JSON", { "content-type": "application/json" }, '{"email":"a@b.nl","password":"x"}'],
    ["no content type", {}, undefined],
    ["multipart without a boundary", { "content-type": "multipart/form-data" }, "email=x"],
    ["broken multipart", { "content-type": "multipart/form-data; boundary=abc" }, "--abc\r\nnot a part"],
  ])("%s to the log-in, a member's comment and a facilitator's agenda", async (_name, headers, body) => {
    const member = await http.logIn(DEMO.member);
    const facilitator = await http.logIn(DEMO.facilitator);
    for (const [path, cookie] of [
      ["/inloggen", undefined],
      ["/registreren", undefined],
      [`/dilemmas/${slug()}`, member],
      ["/regios/zeeland/agenda", facilitator],
      ["/account", member],
    ] as const) {
      const response = await send(path, headers as Record<string, string>, body, cookie);
      expect(response.status, `${path}`).toBe(415);
      expect(await response.text()).toContain("kon niet worden gelezen");
    }
  });
});

describe("finding 12: personal responses are never cached", () => {
  it("sends no-store with every response that depends on the session", async () => {
    const member = await http.logIn(DEMO.member);
    const facilitator = await http.logIn(DEMO.facilitator);
    for (const [path, cookie] of [
      ["/account", member],
      ["/", member],
      ["/dilemmas", member],
      ["/meldingen", member],
      ["/beheer/leden", facilitator],
      ["/regios/zeeland/agenda", facilitator],
    ] as const) {
      const response = await http.get(path, cookie);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("cache-control"), path).toMatch(/no-store/);
    }
    const loggedIn = await loginPost({ email: DEMO.member, password: "leertuin-demo" });
    expect(loggedIn.headers.get("cache-control")).toMatch(/no-store/);
  });

  it("keeps a reset link out of the page cache and out of every other cache", async () => {
    const admin = await http.logIn(DEMO.admin);
    const memberId = http.one<{ id: number }>("select id from users where email = ?", DEMO.member)!.id;
    const issued = await http.html(
      await http.post("/beheer/leden", { intent: "reset-link", userId: String(memberId) }, admin),
    );
    const link = /(\/wachtwoord-herstellen\/[A-Za-z0-9_-]{43})/.exec(issued)?.[1];
    expect(link).toBeDefined();
    const first = await http.get(link!);
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toMatch(/no-store/);
    const second = await http.get(link!);
    expect(second.headers.get("cache-control")).toMatch(/no-store/);
    expect(second.headers.get("etag")).toBeNull();
  });
});
