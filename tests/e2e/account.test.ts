import fs from "node:fs";

import { describe, expect, it } from "vitest";

import { expectAccessible, expectNoPageErrors, useBrowser } from "../support/browser";

const { baseUrl, logIn } = useBrowser();

describe("my account", () => {
  it("changes the name, explains a mistake beside the field, and offers the data download — accessible", async () => {
    const page = await logIn("lid.twente@leertuin.test");
    await page.getByRole("link", { name: "Mijn account" }).click();
    await page.getByRole("heading", { level: 1, name: "Mijn account" }).waitFor();
    await expectAccessible(page);

    const name = page.getByLabel("Naam", { exact: true });
    await name.fill("");
    await page.getByRole("button", { name: "Gegevens opslaan" }).click();
    // In the error summary, as a link to the field, and beside the field itself.
    await expect(page.getByRole("link", { name: "Vul uw naam in." }).getAttribute("href")).resolves.toBe("#name");
    await page.locator("#name-fout").filter({ hasText: "Vul uw naam in." }).waitFor();
    await expect(name.getAttribute("aria-invalid")).resolves.toBe("true");
    await expectAccessible(page);

    await name.fill("Fenna Twentse");
    await page.getByRole("button", { name: "Gegevens opslaan" }).click();
    await page.getByRole("status").filter({ hasText: "Uw gegevens zijn opgeslagen." }).waitFor();
    await page.getByText("Ingelogd als Fenna Twentse").waitFor();
    await expect(name.inputValue()).resolves.toBe("Fenna Twentse");

    const link = page.getByRole("link", { name: "Download mijn gegevens" });
    await expect(link.getAttribute("href")).resolves.toBe("/account/gegevens");
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^leertuin-mijn-gegevens-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(fs.readFileSync((await download.path())!, "utf8"));
    expect(exported.account.naam).toBe("Fenna Twentse");
    await expectAccessible(page);
    expectNoPageErrors(page);
  });
});

describe("admin pages", () => {
  it("shows the overview, the roles and a region form with its errors — accessible, and no 'Beheer' link for others", async () => {
    const member = await logIn("begeleider.twente@leertuin.test");
    await expect(member.getByRole("link", { name: "Beheer", exact: true }).count()).resolves.toBe(0);

    const page = await logIn("admin@leertuin.test");
    await page.getByRole("link", { name: "Beheer", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Beheer" }).waitFor();
    await expectAccessible(page);

    await page.getByRole("link", { name: "Zeeland" }).click();
    await page.getByText("komt uit de bibliotheek").first().waitFor();
    await expectAccessible(page);

    await page.goto(`${baseUrl}/beheer/regios/nieuw`);
    await page.getByLabel("Naam").fill("Proefregio");
    await page.getByRole("button", { name: "Regio aanmaken" }).click();
    await expect(page.getByRole("link", { name: "Vul de provincie in." }).getAttribute("href")).resolves.toBe(
      "#province",
    );
    await page.locator("#province-fout").filter({ hasText: "Vul de provincie in." }).waitFor();
    await expect(page.getByLabel("Naam").inputValue()).resolves.toBe("Proefregio");
    await expectAccessible(page);

    await page.goto(`${baseUrl}/beheer/rollen`);
    await page.getByRole("heading", { level: 1, name: "Rollen" }).waitFor();
    await expectAccessible(page);
    expectNoPageErrors(page);
  });
});
