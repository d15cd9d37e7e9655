import { describe, expect, it } from "vitest";

import { expectAccessible, expectNoPageErrors, useBrowser } from "../support/browser";

// Issue 16 in a browser: a code's edition history with what changed per article, and a region's review
// list where a facilitator reconfirms an answer, each accessible (axe: no serious or critical findings).

const { baseUrl, newPage, logIn } = useBrowser();

describe("editions and review", () => {
  it("shows the meldcode's editions and, per article, what changed in 2019", async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/beroepscodes/meldcode`);
    await page.getByRole("heading", { level: 2, name: "Edities" }).waitFor();
    const change = page.locator("#wijziging-stap-5");
    await change.locator("summary").click();
    await expect(change.locator("mark").count()).resolves.toBeGreaterThan(0);
    await expectAccessible(page);
    await page.getByRole("link", { name: "2013" }).click();
    await page.waitForURL(`${baseUrl}/beroepscodes/meldcode?editie=2013-07-01`);
    await page.getByText("eerdere editie").waitFor();
    await expectAccessible(page);
    expectNoPageErrors(page);
  });

  it("lets a facilitator reconfirm an answer on the review list, accessibly", async () => {
    const page = await logIn("begeleider.zeeland@leertuin.test");
    await page.goto(`${baseUrl}/regios/zeeland/herziening`);
    await page.getByRole("heading", { level: 1, name: /Herziening van de afspraken van Zeeland/ }).waitFor();
    await expectAccessible(page);
    const first = page.locator(".card").first();
    const title = (await first.locator("h2").textContent())!.trim();
    await first.getByRole("button", { name: /Herbevestigen/ }).click();
    await page.getByText(`“${title}” is herbevestigd`).waitFor();
    await expectAccessible(page);
    expectNoPageErrors(page);
  });
});
