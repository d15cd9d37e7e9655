// The search box's suggestions in a real browser: an ARIA 1.2 combobox once scripts run (keys, live
// region, axe), and a plain search form without JavaScript.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { expectNoPageErrors, useBrowser } from "../support/browser";

const { baseUrl, newPage } = useBrowser();

/**
 * axe over the page with the suggestions open: no serious or critical WCAG 2.1 AA violation. The site
 * logo's known name mismatch is issue #13's (answer-first branch) and is left out here.
 */
async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .exclude(".site-logo")
    .analyze();
  const severe = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(severe, `axe on ${page.url()}`).toEqual([]);
  // The combobox was checked, not skipped.
  expect(results.passes.some((rule) => rule.nodes.some((n) => n.target.join(" ").includes("#q")))).toBe(true);
}

describe("search suggestions", () => {
  it("offer titles while typing on the home page, chosen with the keyboard — accessible", async () => {
    const page = await newPage();
    await page.goto(baseUrl);
    const box = page.getByRole("combobox", { name: "Zoek een dilemma, afspraak of artikel" });
    await box.waitFor();
    await expect(box.getAttribute("aria-expanded")).resolves.toBe("false");

    await box.pressSequentially("huurachter", { delay: 30 });
    const listbox = page.getByRole("listbox", { name: "Suggesties" });
    await listbox.waitFor();
    const options = listbox.getByRole("option");
    expect(await options.count()).toBeGreaterThan(0);
    await expect(box.getAttribute("aria-expanded")).resolves.toBe("true");
    await page
      .getByRole("status")
      .filter({ hasText: /\d+ suggesties?;/ })
      .waitFor();
    await expectAccessible(page);

    await box.press("ArrowDown");
    const first = options.first();
    await expect(first.getAttribute("aria-selected")).resolves.toBe("true");
    await expect(box.getAttribute("aria-activedescendant")).resolves.toBe(await first.getAttribute("id"));
    await expect(box.evaluate((element) => element === document.activeElement)).resolves.toBe(true);

    await box.press("Escape");
    await expect(box.getAttribute("aria-expanded")).resolves.toBe("false");
    expect(await listbox.isHidden()).toBe(true);

    await box.press("ArrowDown");
    await expect(box.getAttribute("aria-expanded")).resolves.toBe("true");
    const title = (await first.textContent())!.replace(/^Dilemma\s*/, "");
    await box.press("Enter");
    await page.waitForURL(/\/dilemmas\/[a-z0-9-]+$/);
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    expectNoPageErrors(page);
  });

  it("leave Enter to the form when no suggestion is chosen, on /zoeken", async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/zoeken`);
    const box = page.getByRole("combobox", { name: "Zoek een dilemma, afspraak of artikel" });
    await box.pressSequentially("wijkcoach", { delay: 30 });
    await page.getByRole("listbox", { name: "Suggesties" }).waitFor();
    await box.press("Enter");
    await page.waitForURL(/\/zoeken\?q=wijkcoach/);
    await page.getByText(/\d+ resultaten voor "wijkcoach"/).waitFor();
    await expectAccessible(page);
    expectNoPageErrors(page);
  });

  it("work the same on the home page reached by an in-app navigation, where React renders it", async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/dilemmas`);
    await page.getByRole("link", { name: /^Leertuin/ }).click();
    await page.waitForURL(`${baseUrl}/`);
    // Rendered by React in the page that was already loaded, not by a new page load.
    await expect(page.evaluate(() => "__remixContext" in window)).resolves.toBe(true);
    const box = page.getByRole("combobox", { name: "Zoek een dilemma, afspraak of artikel" });
    await box.pressSequentially("huurachter", { delay: 30 });
    const options = page.getByRole("listbox", { name: "Suggesties" }).getByRole("option");
    await options.first().waitFor();
    await page
      .getByRole("status")
      .filter({ hasText: /\d+ suggesties?;/ })
      .waitFor();
    await box.press("ArrowDown");
    await expect(options.first().getAttribute("aria-selected")).resolves.toBe("true");
    await box.press("Enter");
    await page.waitForURL(/\/dilemmas\/[a-z0-9-]+$/);
    expect(await page.getByRole("listbox").count()).toBe(0);
    expectNoPageErrors(page);
  });

  it("leave a plain search form without JavaScript", async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(baseUrl);
    expect(await page.getByRole("combobox").count()).toBe(0);
    const box = page.getByRole("searchbox", { name: "Zoek een dilemma, afspraak of artikel" });
    await box.fill("thuiszitter");
    await box.press("Enter");
    await page.waitForURL(/\/zoeken\?q=thuiszitter/);
    await page.getByText(/\d+ resultaten? voor "thuiszitter"/).waitFor();
  });
});
