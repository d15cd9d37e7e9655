// /vergelijk on a library larger than one page of its matrix.
import { describe, expect, it } from "vitest";

import { generateLibrary } from "../../scripts/generate-library";
import { useTestServer } from "../support/test-server";

const server = useTestServer();

const get = async (path: string) => {
  const response = await fetch(server.url + path, { redirect: "manual" });
  return { response, body: (await response.text()).replaceAll("<!-- -->", "").replaceAll("&#x27;", "'") };
};
const matrixRows = (body: string) => {
  const table = /<table class="utrecht-table compare-matrix">([\s\S]*?)<\/table>/.exec(body)?.[1] ?? "";
  return [...table.matchAll(/<th scope="row">\s*<a[^>]*href="\/dilemmas\/([^"/]+)"/g)].map((m) => m[1]!);
};

describe("the matrix /vergelijk, page by page", () => {
  it("shows 50 dilemmas a page, every one exactly once, while the counts cover them all", async () => {
    generateLibrary(server.db(), 80);
    const answered = server
      .db()
      .$client.prepare("select count(distinct dilemma_id) as n from current_answer_versions")
      .get() as { n: number };
    const pages = Math.ceil(answered.n / 50);
    expect(pages).toBeGreaterThan(1);

    const seen: string[] = [];
    for (let page = 1; page <= pages; page++) {
      const { response, body } = await get(page === 1 ? "/vergelijk" : `/vergelijk?pagina=${page}`);
      expect(response.status).toBe(200);
      expect(body).toContain(`${answered.n} dilemma's en 6 regio's`);
      expect(body).toContain(`pagina ${page} van ${pages}`);
      const rows = matrixRows(body);
      expect(rows.length).toBe(page < pages ? 50 : answered.n - 50 * (pages - 1));
      seen.push(...rows);
    }
    expect(new Set(seen).size).toBe(answered.n);

    const second = await get("/vergelijk?regio=zeeland&regio=twente&pagina=1");
    expect(second.body).toContain(`href="/vergelijk?regio=zeeland&amp;regio=twente&amp;pagina=2"`);
  });

  it.each(["/vergelijk?pagina=999", "/vergelijk?pagina=0", "/vergelijk?pagina=twee"])(
    "%s is a 404 page",
    async (path) => {
      const { response } = await get(path);
      expect(response.status).toBe(404);
    },
  );
});
