import { describe, expect, it } from "vitest";

import { ownerWords, passwordProblem } from "~/auth/password-strength.server";

const owner = { email: "pieter.janssen@gemeente.example", name: "Pieter Janssen" };

describe("password rules (ASVS 5.0 V6)", () => {
  it("refuses a password shorter than 12 characters", async () => {
    expect(await passwordProblem("Kort-maar-1", owner)).toBe("Kies een wachtwoord van minstens 12 tekens.");
  });

  it.each([
    ["aaaaaaaaaaaa", 'hetzelfde teken, zoals "aaa"'],
    ["password1234", "lijkt sterk op een veelgebruikt of gelekt wachtwoord"],
    ["qwertyuiop12", "veelgebruikt"],
    ["wachtwoord123", "te makkelijk te raden"],
  ])("refuses the common password %s with a Dutch explanation", async (password, explanation) => {
    const problem = await passwordProblem(password, owner);
    expect(problem).toContain("Dit wachtwoord is te makkelijk te raden.");
    expect(problem).toContain(explanation);
    expect(problem).toContain("Kies bijvoorbeeld een zin van vier of meer gewone woorden");
  });

  it.each(["pieter.janssen2024", "Janssen-Pieter-1", "PIETERJANSSEN!!", "mijnnaamisjanssen"])(
    "refuses %s, made of the user's own name or e-mail address",
    async (password) => {
      expect(await passwordProblem(password, owner)).toContain("bevat uw naam of (een deel van) uw e-mailadres");
    },
  );

  it("checks the e-mail local part on its own, also without a name", async () => {
    expect(await passwordProblem("sanne.devries!!", { email: "sanne.devries@school.example" })).toContain(
      "uw e-mailadres",
    );
    expect(await passwordProblem("sanne.devries!!", {})).toBeNull();
  });

  it.each(["fiets regen koffie lamp", "Ik fiets elke dinsdag naar de leertuin", "paarse olifanten dansen zacht"])(
    "accepts the passphrase %s without composition rules",
    async (password) => {
      expect(await passwordProblem(password, owner)).toBeNull();
    },
  );

  it("takes only owner words of four or more characters, so short names do not block ordinary words", () => {
    expect(ownerWords({ email: "an.de.vries@x.example", name: "An de Vries" })).toEqual(["andevries", "vries"]);
  });
});
