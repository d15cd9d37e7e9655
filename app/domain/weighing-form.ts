// The afwegingshulp's form: one zod schema for the answers (read from the URL or a posted form) and one
// for the purpose, which only travels in a POST body. Shared by the route and the browser.
import { z } from "zod";

import { SlugSchema } from "~/utils/params";
import { ROUTES, SECTORS } from "./vocabulary";
import { AGE_BANDS, CONSENT_STATES, DANGER_LEVELS, INFO_CATEGORIES, SECRECY_ANSWERS } from "./weighing-options";

/** Names of the fields that take several values. */
export const LIST_FIELDS = ["gegevens", "thema"] as const;

export const WeighingAnswersSchema = z.object({
  sector: z.enum(SECTORS, { message: "Kies de sector waarin u werkt." }),
  // Absent (a link from a dilemma page): the sector's usual answer.
  beroepsgeheim: z.enum(SECRECY_ANSWERS, { message: "Kies of u een beroepsgeheim heeft." }).default("gebruikelijk"),
  vrager: z.enum(SECTORS, { message: "Kies de sector van wie de informatie vraagt." }),
  gegevens: z
    .array(z.enum(INFO_CATEGORIES, { message: "Kies soorten informatie uit de lijst." }))
    .min(1, { message: "Kies ten minste één soort informatie die de vrager wil weten." })
    .max(INFO_CATEGORIES.length, { message: "Kies soorten informatie uit de lijst." }),
  leeftijd: z.enum(AGE_BANDS, { message: "Kies om wie het gaat." }),
  toestemming: z.enum(CONSENT_STATES, { message: "Kies hoe het staat met toestemming." }),
  gevaar: z.enum(DANGER_LEVELS, { message: "Kies of er gevaar is of een vermoeden van geweld." }),
  thema: z
    .array(SlugSchema, { message: "Deze thema's bestaan niet." })
    .max(10, { message: "Kies hoogstens tien thema's." }),
});
export type WeighingAnswers = z.output<typeof WeighingAnswersSchema>;

export const PurposeSchema = z
  .string({ message: "Beschrijf het doel in één zin." })
  .trim()
  .min(10, { message: "Beschrijf het doel in één zin van ten minste 10 tekens." })
  .max(300, { message: "Houd het doel kort: hoogstens 300 tekens." });

/** The posted form: the answers and the purpose. */
export const WeighingFormSchema = WeighingAnswersSchema.extend({ doel: PurposeSchema });

/** What the record adds: the route the professional chose and the regional answer consulted. */
export const RecordFormSchema = WeighingFormSchema.extend({
  route: z.enum([...ROUTES, "niet-delen"], { message: "Kies de route die u volgt, of dat u niet deelt." }),
  afspraak: z
    .string()
    .regex(/^([a-z0-9-]{1,120}\/[a-z0-9-]{1,120}\/[1-9][0-9]{0,5})?$/, { message: "Kies een afspraak uit de lijst." }),
});

/** A form or query as a record: the list fields as arrays (also when absent), the others as their first value. */
export function answersRecord(params: URLSearchParams): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  for (const [key, value] of params) {
    if ((LIST_FIELDS as readonly string[]).includes(key)) continue;
    if (!(key in record)) record[key] = value;
  }
  for (const key of LIST_FIELDS) record[key] = params.getAll(key).filter((v) => v !== "");
  return record;
}

/** The answers as URL parameters: a bookmarkable link to the same weighing, without the purpose. */
export function answersQuery(answers: WeighingAnswers): string {
  const params = new URLSearchParams();
  params.set("sector", answers.sector);
  params.set("beroepsgeheim", answers.beroepsgeheim);
  params.set("vrager", answers.vrager);
  for (const c of answers.gegevens) params.append("gegevens", c);
  params.set("leeftijd", answers.leeftijd);
  params.set("toestemming", answers.toestemming);
  params.set("gevaar", answers.gevaar);
  for (const t of answers.thema) params.append("thema", t);
  return params.toString();
}

/** The names of the answers' fields: a URL with all of them asks for the answer page. */
export const ANSWER_FIELDS = ["sector", "vrager", "leeftijd", "toestemming", "gevaar"] as const;
