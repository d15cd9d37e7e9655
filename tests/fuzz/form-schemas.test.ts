// Property tests of every exported form parser: random and hostile input never throws, every refusal
// names a field of the form with a message, and what passes is what the database code can rely on
// (trimmed text, safe positive ids, values from the lists).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";

import { NewPasswordSchema } from "~/auth/password.server";
import { PersonSchema, RegistrationSchema } from "~/auth/registration.server";
import { ROUTES, SECTORS, VERDICTS } from "~/domain/vocabulary";
import { RecordFormSchema, WeighingFormSchema } from "~/domain/weighing-form";
import { AccountDeletionSchema, PasswordChangeSchema, ProfileSchema } from "~/models/account.server";
import { OrganisationSchema, RegionSchema } from "~/models/region-admin.server";
import { fieldErrors, readForm } from "~/utils/forms";
import { AnswerFormSchema } from "~/workflow/answer-editing.server";
import { CommentSchema, HideSchema } from "~/workflow/comments.server";
import { ProposalSchema } from "~/workflow/proposals.server";
import { DeclineSchema, SuggestionSchema } from "~/workflow/suggestions.server";
import { encodeForm, type Form, mutatedForm } from "../support/fuzz";
import { HUISARTS } from "../support/weighing";

const person = {
  name: "Sanne de Boer",
  email: "sanne@school.example",
  profession: "Intern begeleider",
  region: "zeeland",
  organisation: "3",
};
const password = { password: "een-lang-wachtwoord", passwordRepeat: "een-lang-wachtwoord" };

/** Each parser with a form it accepts (as `readForm` hands it over: lists as arrays). */
const PARSERS: [string, z.ZodType, Form][] = [
  ["CommentSchema", CommentSchema, { body: "Bij ons gaat dit net zo.", parentId: "" }],
  ["HideSchema", HideSchema, { commentId: "3", reason: "Niet over dit dilemma." }],
  [
    "ProposalSchema",
    ProposalSchema,
    {
      region: "zeeland",
      title: "Broertje vaak afwezig op de opvang",
      question: "Mag de opvang het wijkteam vertellen dat een broertje vaak afwezig is?",
      situation: "Een jongen komt sinds de zomer vaak niet naar de opvang.",
      purpose: "Vroeg hulp bieden",
      holderSector: "onderwijs",
      askingSectors: ["wijkteam", "gemeente"],
      themes: ["signalen"],
    },
  ],
  [
    "AnswerFormSchema",
    AnswerFormSchema,
    {
      verdict: "delen-onder-voorwaarden",
      route: "toestemming",
      grounding: "Toestemming van de ouders.",
      purpose: "Tijdig ondersteuning aanbieden.",
      necessity: "Alleen dat er zorgen zijn.",
      proportionality: "Eerst met de ouders in gesprek.",
      agreement: "Bespreek de zorgen met de ouders.",
      conditions: "Informeer de ouders vooraf\nLeg het vast",
      agreedOn: "2026-01-15",
      agreedBy: "Leertuin Zeeland",
      reviewBy: "2027-01-15",
      citations: ["1", "2"],
    },
  ],
  ["SuggestionSchema", SuggestionSchema, { region: "twente", note: "Dit past ook bij ons." }],
  ["DeclineSchema", DeclineSchema, { suggestionId: "1", reason: "Past niet bij onze afspraken." }],
  ["PersonSchema", PersonSchema, person],
  ["RegistrationSchema", RegistrationSchema, { ...person, ...password }],
  ["NewPasswordSchema", NewPasswordSchema, password],
  [
    "RegionSchema",
    RegionSchema,
    { slug: "noord-veluwe", name: "Noord-Veluwe", province: "Gelderland", since: "2024-03-01", description: "" },
  ],
  ["OrganisationSchema", OrganisationSchema, { organisationName: "Wijkteam Noord", sector: "wijkteam" }],
  ["ProfileSchema", ProfileSchema, { name: "Sanne de Boer", profession: "Intern begeleider", organisation: "" }],
  [
    "PasswordChangeSchema",
    PasswordChangeSchema,
    {
      currentPassword: "het-oude-wachtwoord",
      newPassword: "een-nieuw-wachtwoord",
      newPasswordRepeat: "een-nieuw-wachtwoord",
    },
  ],
  ["AccountDeletionSchema", AccountDeletionSchema, { confirmPassword: "mijn-wachtwoord" }],
  ["WeighingFormSchema", WeighingFormSchema, HUISARTS],
  ["RecordFormSchema", RecordFormSchema, { ...HUISARTS, route: "meldrecht", afspraak: "een-dilemma/twente/2" }],
];

const ENUMS: Record<string, readonly string[]> = {
  verdict: VERDICTS,
  route: ROUTES,
  holderSector: SECTORS,
  sector: SECTORS,
  askingSectors: SECTORS,
};

/** What the code behind a parser may assume of everything it let through. */
function assertUsable(data: Record<string, unknown>) {
  for (const [field, v] of Object.entries(data)) {
    for (const item of [v].flat()) {
      if (typeof item === "number") expect(Number.isSafeInteger(item) && item > 0, `${field} = ${item}`).toBe(true);
      else if (typeof item === "string") {
        if (!/password/i.test(field)) expect(item, field).toBe(item.trim());
        if (ENUMS[field]) expect(ENUMS[field]).toContain(item);
      } else if (item !== undefined) expect.fail(`${field}: unexpected ${typeof item}`);
    }
  }
}

describe("form parsers under random and hostile input", () => {
  it.each(PARSERS)("%s: never throws, refuses field by field, and what passes is usable", (_name, schema, valid) => {
    expect(schema.safeParse(valid).success).toBe(true);
    const fields = new Set([...Object.keys(valid), ""]);
    fc.assert(
      fc.property(mutatedForm(valid), ({ form, mutations }) => {
        const result = schema.safeParse(form);
        if (mutations === 0) expect(result.success).toBe(true);
        if (result.success) assertUsable(result.data as Record<string, unknown>);
        else {
          for (const [field, message] of Object.entries(fieldErrors(result.error))) {
            expect(fields, `error on unknown field "${field}"`).toContain(field);
            expect(message.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe("reading a submitted form", () => {
  it("gives strings, lists as arrays, and never touches Object.prototype", async () => {
    await fc.assert(
      fc.asyncProperty(
        mutatedForm({ title: "Titel", themes: ["a", "b"] }, ["__proto__", "constructor", "toString"]),
        async ({ form }) => {
          const request = new Request("http://localhost/voorstellen", { method: "POST", body: encodeForm(form) });
          const read = await readForm(request, ["themes"] as const);
          expect(Array.isArray(read.themes)).toBe(true);
          for (const [key, v] of Object.entries(read)) if (key !== "themes") expect(typeof v, key).toBe("string");
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          expect(Object.getPrototypeOf({})).toBe(Object.prototype);
        },
      ),
      { numRuns: 300 },
    );
  });
});
