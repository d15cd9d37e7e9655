import { z } from "zod";

import { MAIL_PREFERENCES, type MailPreference } from "~/domain/vocabulary";

export const MAIL_PREFERENCE_LABELS: Record<MailPreference, string> = {
  immediately: "Direct: een e-mail bij elke melding",
  weekly: "Eén keer per week een overzicht (op maandagochtend)",
  never: "Nooit: ik kijk zelf bij Meldingen",
};

export const MailPreferenceSchema = z.object({
  mailPreference: z.enum(MAIL_PREFERENCES, { message: "Kies hoe vaak u e-mail wilt krijgen." }),
});
