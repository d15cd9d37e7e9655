import type { TestServer } from "./test-server";

/** Requests as a browser on Leertuin's own pages sends them: same-origin forms, redirects not followed. */
export function httpClient(server: TestServer) {
  const get = (path: string, cookie?: string) =>
    fetch(server.url + path, { redirect: "manual", headers: cookie ? { cookie } : {} });
  const post = (path: string, form: Record<string, string> | URLSearchParams, cookie?: string) =>
    fetch(server.url + path, {
      method: "POST",
      redirect: "manual",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: server.url,
        ...(cookie ? { cookie } : {}),
      },
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
  const sql = <T = Record<string, unknown>>(query: string, ...params: unknown[]) =>
    server
      .db()
      .$client.prepare(query)
      .all(...params) as T[];
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

/** The answer editor's text fields, filled in as a facilitator would. */
export const ANSWER_FIELDS = {
  verdict: "delen-onder-voorwaarden",
  route: "toestemming",
  grounding: "Toestemming van de ouders, gevraagd door de medewerker zelf.",
  purpose: "Het wijkteam kan het gezin tijdig ondersteuning aanbieden.",
  necessity: "Alleen dat er zorgen zijn over aanwezigheid, niet de oorzaak.",
  proportionality: "Eerst met de ouders in gesprek; pas daarna het wijkteam.",
  agreement: "Bespreek de zorgen met de ouders en vraag toestemming voor contact met het wijkteam.",
  conditions: "Informeer de ouders vooraf\nLeg het gesprek vast in het dossier",
  agreedOn: "2026-11-01",
  agreedBy: "Leertuin Zeeland",
  reviewBy: "2027-11-01",
} as const;

/** The answer editor's form as a facilitator sends it, citing two articles; publishes unless told otherwise. */
export function publishForm(
  http: Pick<ReturnType<typeof httpClient>, "sql">,
  overrides: Record<string, string> = {},
  intent = "publish",
) {
  const articles = http.sql<{ id: number }>(
    "select a.id from articles a join codes c on c.id = a.code_id where c.slug in ('avg', 'beroepscode-sociaal-werker') order by a.id limit 2",
  );
  const form = new URLSearchParams({ intent, ...ANSWER_FIELDS, ...overrides });
  for (const a of articles) form.append("citations", String(a.id));
  return form;
}

/** The "Mijn regio" cookie as the /mijn-regio form sets it (Remix's cookie encoding: base64 of JSON). */
export function regionCookie(slug: string): string {
  return `mijn-regio=${encodeURIComponent(Buffer.from(JSON.stringify(slug)).toString("base64"))}`;
}

/** The proposal form as a member sends it: Zeeland, school and wijkteam; `fields` replace the defaults. */
export function proposalForm(fields: Record<string, string> = {}): URLSearchParams {
  return new URLSearchParams({
    region: "zeeland",
    title: "Zorgen over een leerling",
    question: "Mag de school het wijkteam inlichten over zorgen?",
    situation: "Een leerling vertelt over spanningen thuis en wil niet dat de school iets doet.",
    purpose: "Vroeg hulp bieden",
    holderSector: "onderwijs",
    askingSectors: "wijkteam",
    themes: "signalen",
    ...fields,
  });
}

/** Zeeland's answers in force on dilemmas Twente has not answered, oldest dilemma first: what Twente may take over. */
export function zeelandAnswersTwenteLacks(http: ReturnType<typeof httpClient>) {
  return http.sql<{ slug: string; title: string; version: number; id: number; answer_id: number }>(
    `select d.slug, d.title, v.version, v.id, v.answer_id from current_answer_versions v join dilemmas d on d.id = v.dilemma_id
     join regions r on r.id = v.region_id where r.slug = 'zeeland' and not exists (select 1 from answers a
     join regions r2 on r2.id = a.region_id where a.dilemma_id = d.id and r2.slug = 'twente') order by d.id`,
  );
}
