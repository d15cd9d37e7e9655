// The public API's OpenAPI document: generated from the zod schemas, and real responses validate
// against it with a JSON Schema 2020-12 validator (OpenAPI 3.1's dialect).
import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";

import { useTestServer } from "../support/test-server";

const server = useTestServer({ resetBetweenTests: false });

interface Document {
  openapi: string;
  paths: Record<string, { get: { responses: Record<string, { content?: Record<string, { schema: unknown }> }> } }>;
  components: { schemas: Record<string, unknown> };
}

async function openApi(): Promise<Document> {
  const response = await fetch(`${server.url}/api/openapi.json`);
  expect(response.status).toBe(200);
  return (await response.json()) as Document;
}

/** A validator for one response of one path in the document, with the document's components resolvable. */
function validatorFor(document: Document, path: string, status: string) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addFormat("date", /^\d{4}-\d\d-\d\d$/);
  ajv.addFormat("uri", (value: string) => URL.canParse(value));
  ajv.addSchema({ $id: "doc", components: document.components }, "doc");
  const schema = document.paths[path]!.get.responses[status]!.content!["application/json"]!.schema;
  const rewritten = JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"doc#/components/'));
  return ajv.compile(rewritten as object);
}

async function expectValid(document: Document, docPath: string, status: string, url: string) {
  const response = await fetch(server.url + url);
  expect(response.status, url).toBe(Number(status));
  const body: unknown = await response.json();
  const validate = validatorFor(document, docPath, status);
  expect(validate(body), `${url}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
  return body;
}

describe("/api/openapi.json", () => {
  it("is an OpenAPI 3.1 document of every public JSON and CSV endpoint", async () => {
    const document = await openApi();
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths).sort()).toEqual([
      "/api/dilemmas/{slug}",
      "/api/regios/{slug}/afspraken-excel.csv",
      "/api/regios/{slug}/afspraken.csv",
      "/api/regios/{slug}/afspraken.json",
      "/api/search",
    ]);
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining(["RegionAnswers", "Dilemma", "SearchResponse", "Error"]),
    );
  });

  it("describes real responses: every region's answers, answered dilemmas, searches and errors", async () => {
    const document = await openApi();
    const sql = server.db().$client;
    for (const region of sql.prepare("select slug from regions").pluck().all() as string[])
      await expectValid(document, "/api/regios/{slug}/afspraken.json", "200", `/api/regios/${region}/afspraken.json`);
    const dilemmas = sql
      .prepare("select slug from dilemmas where status = 'answered' limit 10")
      .pluck()
      .all() as string[];
    for (const slug of dilemmas) await expectValid(document, "/api/dilemmas/{slug}", "200", `/api/dilemmas/${slug}`);
    for (const q of ["school", "mag ik de wijkcoach vertellen dat een leerling vaak verzuimt", "huisarts", "zzqx"])
      await expectValid(document, "/api/search", "200", `/api/search?q=${encodeURIComponent(q)}`);
    await expectValid(document, "/api/search", "200", "/api/search?q=school&type=answer&oordeel=delen");
    await expectValid(document, "/api/regios/{slug}/afspraken.json", "404", "/api/regios/atlantis/afspraken.json");
    await expectValid(document, "/api/regios/{slug}/afspraken.json", "400", "/api/regios/Zee%20land/afspraken.json");
    await expectValid(document, "/api/dilemmas/{slug}", "404", "/api/dilemmas/bestaat-niet");
    await expectValid(document, "/api/search", "400", "/api/search?q=school&pagina=nul");
  });

  it("refuses a response that breaks the contract", async () => {
    const document = await openApi();
    const validate = validatorFor(document, "/api/regios/{slug}/afspraken.json", "200");
    const response = await fetch(`${server.url}/api/regios/zeeland/afspraken.json`);
    const body = (await response.json()) as { answers: { verdict: string }[] };
    body.answers[0]!.verdict = "misschien";
    expect(validate(body)).toBe(false);
  });
});

describe("/api", () => {
  it("explains the API in Dutch with working examples and a link to the document", async () => {
    const response = await fetch(`${server.url}/api`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("<title>Open data en API — Leertuin</title>");
    expect(html).toContain('href="/api/openapi.json"');
    for (const path of ["/api/regios/zeeland/afspraken.json", "/api/regios/zeeland/afspraken.csv"]) {
      expect(html).toContain(`href="${path}"`);
      expect((await fetch(server.url + path)).status).toBe(200);
    }
  });
});
