import { describe, expect, it } from "vitest";

import { markdownToText, renderMarkdown } from "~/utils/markdown.server";

describe("renderMarkdown", () => {
  it("renders ordinary markdown", () => {
    const html = renderMarkdown("Een **vet** woord en [een link](https://example.org).\n\n- een\n- twee");
    expect(html).toContain("<strong>vet</strong>");
    expect(html).toContain('<a href="https://example.org" rel="noopener noreferrer">een link</a>');
    expect(html).toContain("<li>een</li>");
  });

  it.each([
    ["script tag", "<script>alert(1)</script>"],
    ["event handler", '<img src="x" onerror="alert(1)">'],
    ["javascript: link", "[klik](javascript:alert(1))"],
    ["javascript: link in HTML", '<a href="JaVaScRiPt:alert(1)">klik</a>'],
    ["data: URL", '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">klik</a>'],
    ["svg", '<svg><script>alert(1)</script><animate onbegin="alert(1)"/></svg>'],
    ["iframe", '<iframe src="https://evil.example"></iframe>'],
    ["style", '<p style="background:url(javascript:alert(1))">x</p>'],
    ["entity trick", '<a href="&#106;avascript:alert(1)">x</a>'],
  ])("removes everything executable: %s", (_name, payload) => {
    const html = renderMarkdown(payload);
    expect(html).not.toMatch(/<script|<iframe|<svg|<img|onerror|onbegin|javascript:|data:text|style=/i);
  });

  it("keeps headings below the page's own levels", () => {
    expect(renderMarkdown("# Kop")).toBe("<h3>Kop</h3>");
  });

  it("turns markdown into plain text", () => {
    expect(markdownToText("Een **vet** woord\n\nen <b>meer</b>")).toBe("Een vet woord en meer");
  });
});
