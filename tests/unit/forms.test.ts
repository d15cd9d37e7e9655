import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";

import { RegistrationSchema } from "~/auth/registration.server";
import { AccountDeletionSchema, PasswordChangeSchema } from "~/models/account.server";
import { formValues, parseForm, readForm } from "~/utils/forms";

const post = (fields: [string, string][]) =>
  new Request("http://localhost/formulier", { method: "POST", body: new URLSearchParams(fields) });

const registration = {
  name: "Sanne de Boer",
  email: "sanne@school.example",
  profession: "Intern begeleider",
  region: "zeeland",
  organisation: "3",
  password: "een-geheim-wachtwoord",
  passwordRepeat: "een-geheim-wachtwoord",
};

describe("parseForm", () => {
  it("gives the parsed data, and the form to show again without its passwords", async () => {
    const form = await readForm(post(Object.entries(registration)));
    const parsed = parseForm(RegistrationSchema, form);
    expect(parsed.ok).toBe(true);
    if (parsed.ok)
      expect(parsed.data).toMatchObject({ email: "sanne@school.example", password: "een-geheim-wachtwoord" });
    expect(parsed.values).toEqual({
      name: "Sanne de Boer",
      email: "sanne@school.example",
      profession: "Intern begeleider",
      region: "zeeland",
      organisation: "3",
    });
  });

  it("refuses field by field in Dutch and keeps what was typed, except the passwords", async () => {
    const form = await readForm(
      post(Object.entries({ ...registration, email: "geen-adres", passwordRepeat: "iets-anders-getypt" })),
    );
    const parsed = parseForm(RegistrationSchema, form);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.email).toBe("Vul een geldig e-mailadres in, zoals naam@organisatie.nl.");
    expect(parsed.errors.passwordRepeat).toBe("De twee wachtwoorden zijn niet gelijk.");
    expect(parsed.values.email).toBe("geen-adres");
    expect(JSON.stringify(parsed.values)).not.toMatch(/een-geheim-wachtwoord|iets-anders-getypt/);
  });

  it.each([
    [
      "PasswordChangeSchema",
      PasswordChangeSchema,
      { intent: "password", currentPassword: "oud-geheim", newPassword: "kort", newPasswordRepeat: "kort" },
    ],
    ["AccountDeletionSchema", AccountDeletionSchema, { intent: "delete", confirmPassword: "" }],
  ])("%s: a refused password form sends no password back", async (_name, schema, fields) => {
    const parsed = parseForm(schema, await readForm(post(Object.entries(fields))));
    expect(parsed.ok).toBe(false);
    expect(parsed.values).toEqual({ intent: fields.intent });
  });

  it("keeps lists as arrays and the first value of a repeated name", async () => {
    const form = await readForm(
      post([
        ["title", "eerste"],
        ["title", "tweede"],
        ["themes", "a"],
        ["themes", "b"],
      ]),
      ["themes"] as const,
    );
    const parsed = parseForm(
      z.object({ title: z.string(), themes: z.array(z.string()).min(3, "Kies er drie.") }),
      form,
    );
    expect(parsed).toEqual({
      ok: false,
      errors: { themes: "Kies er drie." },
      values: { title: "eerste", themes: ["a", "b"] },
    });
  });
});

describe("formValues", () => {
  const secretName = fc
    .tuple(
      fc.string({ maxLength: 6 }),
      fc.constantFrom("password", "Password", "PASSWORD", "wachtwoord", "Wachtwoord"),
      fc.string({ maxLength: 6 }),
    )
    .map(([before, word, after]) => before + word + after);

  it("never keeps a field whose name holds password or wachtwoord, whatever its case or place", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ maxLength: 12 }), fc.string()),
        fc.dictionary(secretName, fc.string()),
        (plain, secret) => {
          const values = formValues({ ...plain, ...secret });
          for (const name of Object.keys(values)) expect(name).not.toMatch(/password|wachtwoord/i);
          for (const [name, value] of Object.entries(plain))
            if (!/password|wachtwoord/i.test(name)) expect(values[name]).toBe(value);
        },
      ),
    );
  });
});
