// Two-factor log-in in a real browser, with axe on the set-up, the recovery codes and the code step.
// A new account of its own: the demo accounts stay password-only for the other browser tests.
import { generate } from "otplib";
import { describe, expect, it } from "vitest";

import { expectAccessible, expectNoPageErrors, useBrowser } from "../support/browser";

const { baseUrl, newPage } = useBrowser();

describe("two-factor log-in", () => {
  it("sets up an authenticator app, shows the recovery codes once, and asks for a code at log-in — accessible", async () => {
    const page = await newPage();
    const email = `tweestaps.${Date.now()}@voorbeeld.nl`;
    const password = "zeven groene kikkers zingen";
    await page.goto(`${baseUrl}/registreren`);
    await page.getByLabel("Naam", { exact: true }).fill("Tessa Tweestaps");
    await page.getByLabel("E-mailadres van uw werk").fill(email);
    await page.getByLabel("Beroep of functie").fill("jeugdconsulent");
    await page.getByLabel("Regio van uw leertuin").selectOption({ label: "Zeeland" });
    // Every region has a "GGD, jeugdgezondheidszorg": take Zeeland's, from its group in the list.
    const ggd = page.locator('#organisation optgroup[label="Zeeland"] option', {
      hasText: "GGD, jeugdgezondheidszorg",
    });
    await page.getByLabel("Uw organisatie").selectOption((await ggd.getAttribute("value"))!);
    await page.getByLabel("Wachtwoord", { exact: true }).fill("password1234");
    await page.getByLabel("Herhaal het wachtwoord").fill("password1234");
    await page.getByRole("button", { name: "Account aanvragen" }).click();
    // The message stands at the field (and in the error summary above the form).
    await page
      .locator("#password-fout")
      .getByText("Het lijkt sterk op een veelgebruikt of gelekt wachtwoord.")
      .waitFor();
    await expect(page.getByLabel("Beroep of functie").inputValue()).resolves.toBe("jeugdconsulent");
    await expectAccessible(page);
    await page.getByLabel("Wachtwoord", { exact: true }).fill(password);
    await page.getByLabel("Herhaal het wachtwoord").fill(password);
    await page.getByRole("button", { name: "Account aanvragen" }).click();
    // Registration signs nobody in (no account enumeration): the new member logs in as usual, once the
    // request is stored (any h1 would match the form's own page while the password check still runs).
    await page.getByRole("heading", { level: 1, name: "Aanvraag ontvangen" }).waitFor();
    await page.goto(`${baseUrl}/inloggen`);
    await page.getByLabel("E-mailadres").fill(email);
    await page.getByLabel("Wachtwoord").fill(password);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.getByText("Ingelogd als Tessa Tweestaps").waitFor();

    await page.goto(`${baseUrl}/account/tweestapsverificatie`);
    await page.getByRole("heading", { level: 1, name: "Tweestapsverificatie" }).waitFor();
    await page.getByRole("img", { name: /QR-code/ }).waitFor();
    await expectAccessible(page);
    const secret = (await page.locator(".totp-secret").innerText()).replaceAll(" ", "");
    await page.getByLabel("Code uit de app").fill("000000");
    await page.getByRole("button", { name: "Tweestapsverificatie aanzetten" }).click();
    await page.getByText("Deze code klopt niet.").first().waitFor();
    await expectAccessible(page);
    await page.getByLabel("Code uit de app").fill(await generate({ secret }));
    await page.getByRole("button", { name: "Tweestapsverificatie aanzetten" }).click();
    await page.getByRole("heading", { level: 2, name: "Uw herstelcodes" }).waitFor();
    const codes = await page.locator(".recovery-codes code").allInnerTexts();
    expect(codes).toHaveLength(10);
    await expectAccessible(page);

    await page.getByRole("button", { name: "Uitloggen" }).click();
    await page.getByRole("link", { name: "Account aanvragen" }).waitFor();
    await page.goto(`${baseUrl}/inloggen`);
    await page.getByLabel("E-mailadres").fill(email);
    await page.getByLabel("Wachtwoord").fill(password);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.getByRole("heading", { level: 1, name: "Code invullen" }).waitFor();
    await expectAccessible(page);
    await page.getByLabel("Code uit de app").fill(codes[0]!);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.getByText("Ingelogd als Tessa Tweestaps").waitFor();
    expectNoPageErrors(page);
  });
});
