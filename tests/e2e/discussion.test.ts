// The members' discussion on a dilemma page, which runs no script for anyone: a comment is a plain form
// post, a double click places it once, and the answer opens where the member was, at the form.
import { describe, expect, it } from "vitest";

import { expectAccessible, expectNoPageErrors, PHONE, useBrowser } from "../support/browser";

const { baseUrl, logIn } = useBrowser();

describe("the discussion", () => {
  it("takes a member's comment, placed once on a double click, and shows it where they were — accessible", async () => {
    const page = await logIn("lid.twente@leertuin.test", { viewport: PHONE });
    const dilemma = `${baseUrl}/dilemmas/veilig-thuis-vraagt-huisarts-informatie`;
    await page.goto(dilemma);
    await page.getByRole("heading", { level: 2, name: "Bespreking" }).waitFor();
    // Read as HTML: no React, no data for it.
    await expect(page.evaluate(() => "__remixContext" in window)).resolves.toBe(false);

    const text = `Bij ons vraagt de huisarts eerst de ouders (${Date.now()}).`;
    await page.getByLabel("Uw reactie").fill(text);
    await page.getByRole("button", { name: "Reactie plaatsen" }).dblclick();
    await page.getByText("Uw reactie is geplaatst.").waitFor();
    expect(new URL(page.url()).hash).toBe("#reageren");
    // The browser scrolls to the fragment once the page is laid out: the form and its confirmation in view.
    await page.waitForFunction(() => {
      const confirmation = [...document.querySelectorAll("#reageren ~ *")].find((e) =>
        e.textContent?.includes("Uw reactie is geplaatst."),
      );
      const top = confirmation?.getBoundingClientRect().top ?? -1;
      return top >= 0 && top < window.innerHeight;
    });
    await expect(page.locator(".comment", { hasText: text }).count()).resolves.toBe(1);
    await expectAccessible(page);

    // Read again later: still one.
    await page.goto(dilemma);
    await expect(page.locator(".comment", { hasText: text }).count()).resolves.toBe(1);
    expectNoPageErrors(page);
  });
});
