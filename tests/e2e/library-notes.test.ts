import { describe, expect, it } from "vitest";

import { expectAccessible, expectNoPageErrors, useBrowser } from "../support/browser";

// Issue 15 in a browser: the glossary reached from the footer, the quiet "illustrative" line, and the
// facilitator's block of points still to verify, each accessible (axe: no serious or critical findings).

const { baseUrl, newPage, logIn } = useBrowser();

describe("the library's notes", () => {
  it("goes from the footer to the glossary, and a term keeps its own anchor", async () => {
    const page = await newPage();
    await page.goto(baseUrl);
    await expect(page.locator(".quiet-note").textContent()).resolves.toMatch(/illustratief/);
    await page.getByRole("contentinfo").getByRole("link", { name: "begrippenlijst" }).click();
    await page.waitForURL(`${baseUrl}/begrippen`);
    await page.getByRole("heading", { level: 1, name: "Begrippenlijst" }).waitFor();
    await expect(page.locator("#kindcheck dt").textContent()).resolves.toContain("Kindcheck");
    await expectAccessible(page);
    expectNoPageErrors(page);
  });

  it("shows a facilitator the points of her region's answer still to check, accessibly", async () => {
    const page = await logIn("begeleider.twente@leertuin.test");
    await page.goto(`${baseUrl}/dilemmas/terugkeer-na-jeugddetentie-school`);
    await page.getByRole("heading", { name: "Nog te controleren tegen de officiële tekst" }).waitFor();
    await expect(page.locator(".answer .quiet-note").count()).resolves.toBeGreaterThanOrEqual(2);
    await expectAccessible(page);
    await page.goto(`${baseUrl}/regios/twente?herziening=1`);
    await page.getByRole("columnheader", { name: "Nog te controleren" }).waitFor();
    await expectAccessible(page);
  });
});
