// Pages that need no React send none (handle.scripts): no module script, no modulepreload, one stylesheet.
// The search field keeps its suggestions through one small inline script with the response's nonce.
import { describe, expect, it } from "vitest";

import { httpClient } from "../support/http";
import { useTestServer } from "../support/test-server";

const server = useTestServer({ resetBetweenTests: false });
const http = httpClient(server);

const moduleScripts = (html: string) => html.match(/<script[^>]*type="module"|rel="modulepreload"/g) ?? [];
const stylesheets = (html: string) => html.match(/<link[^>]*rel="stylesheet"[^>]*>/g) ?? [];

async function page(path: string, cookie?: string) {
  const response = await http.get(path, cookie);
  expect(response.status, path).toBe(200);
  return { html: await response.text(), csp: response.headers.get("content-security-policy") ?? "" };
}

const answered = () =>
  http.one<{ slug: string }>("select slug from dilemmas where status = 'answered' order by slug limit 1")!.slug;

describe("pages without JavaScript", () => {
  it.each(["/", "/zoeken?q=school", "/zoeken", "/beroepscodes/avg"])(
    "%s sends no React and one stylesheet",
    async (path) => {
      const { html } = await page(path);
      expect(moduleScripts(html)).toEqual([]);
      expect(html).not.toContain("__remixContext");
      expect(stylesheets(html)).toHaveLength(1);
    },
  );

  it("a dilemma page sends neither a visitor nor a member React", async () => {
    const member = await http.logIn("lid.zeeland@leertuin.test");
    for (const cookie of [undefined, member]) {
      const { html } = await page(`/dilemmas/${answered()}`, cookie);
      expect(moduleScripts(html)).toEqual([]);
      expect(html).not.toContain("__remixContext");
    }
  });

  it("a page without scripts comes as one document, rendered at once: doctype first, no data after </html>", async () => {
    const member = await http.logIn("lid.zeeland@leertuin.test");
    for (const [path, cookie] of [
      ["/", undefined],
      [`/dilemmas/${answered()}`, member],
    ] as const) {
      const response = await http.get(path, cookie);
      const html = await response.text();
      expect(html).toMatch(/^<!DOCTYPE html><html lang="nl"/);
      // No suspense boundary left to fill in: renderToString has nothing to wait for.
      expect(html).not.toContain("<!--$?-->");
      expect(html.slice(html.indexOf("</html>"))).not.toContain("<script");
    }
  });

  it("the search field is enhanced by an inline script that carries the response's nonce", async () => {
    const { html, csp } = await page("/");
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    const inline = [...html.matchAll(/<script nonce="([^"]+)">(\(function enhanceSearchBox[\s\S]*?)<\/script>/g)];
    expect(inline).toHaveLength(1);
    expect(inline[0]![1]).toBe(nonce);
    expect(inline[0]![2]).toMatch(/\(document\.getElementById\("q"\)\);$/);
  });
});

describe("pages with JavaScript", () => {
  it.each(["/dilemmas", "/afwegen", "/registreren"])("%s hydrates as before", async (path) => {
    const { html } = await page(path);
    expect(moduleScripts(html).length).toBeGreaterThan(0);
    // The site's stylesheet, plus the route's own where it has one (afwegen's form).
    expect(stylesheets(html).length).toBe(path === "/afwegen" ? 2 : 1);
  });
});
