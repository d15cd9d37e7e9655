import { useNavigation } from "@remix-run/react";
import { type ReactNode, useState } from "react";

import { Form } from "~/components/form";
import { type Sector, SECTORS } from "~/domain/vocabulary";
import { sectorInSentence } from "~/domain/weighing";
import {
  AGE_BANDS,
  AGE_LABELS,
  CONSENT_LABELS,
  CONSENT_STATES,
  DANGER_LABELS,
  DANGER_LEVELS,
  INFO_CATEGORIES,
  INFO_CATEGORY_LABELS,
  SECRECY_ANSWERS,
  SECRECY_LABELS,
} from "~/domain/weighing-options";
import { SECTOR_DEFAULTS } from "~/domain/weighing-rules";
import { formState } from "~/utils/action-result";
import type { FormState } from "~/weighing/weighing-requests.server";
import { FormFeedback } from "./form-feedback";
import { ChoiceGroup, SectorSelect, TextArea } from "./form-field";
import { GuardReport } from "./guard-report";
import { TextLink } from "./links";
import { Heading, Paragraph } from "./text";

const options = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, label: labels[value] }));

/** The questions in the order of the page (the schema checks the purpose last). */
const FIELD_ORDER = ["sector", "beroepsgeheim", "vrager", "gegevens", "doel", "leeftijd", "toestemming", "gevaar"];
/** Where an error in the summary leads: the first option of a group. */
const FIELD_TARGET: Record<string, string> = {
  beroepsgeheim: "beroepsgeheim-gebruikelijk",
  gegevens: "gegevens-hulp",
  leeftijd: "leeftijd-onder-12",
  toestemming: "toestemming-gegeven",
  gevaar: "gevaar-nee",
};

/** The last three steps: one question each, answered with one option. */
const ONE_CHOICE_STEPS = [
  {
    step: "4. Om wie gaat het?",
    name: "leeftijd",
    legend: "De leeftijd van de jongere, of een volwassene",
    options: options(AGE_BANDS, AGE_LABELS),
  },
  {
    step: "5. Toestemming",
    name: "toestemming",
    legend: "Heeft u toestemming gevraagd om te delen?",
    options: options(CONSENT_STATES, CONSENT_LABELS),
  },
  {
    step: "6. Gevaar",
    name: "gevaar",
    legend: "Is er acuut gevaar, of een vermoeden van huiselijk geweld of kindermishandeling?",
    options: options(DANGER_LEVELS, DANGER_LABELS),
  },
];

function Step({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="utrecht-form-fieldset weighing-step">
      <legend className="utrecht-form-fieldset__legend">{legend}</legend>
      {children}
    </fieldset>
  );
}

/** What is usual in the chosen sector, and why: the default answer to the beroepsgeheim question. */
function usualSecrecy(sector: string): string {
  if (!(SECTORS as readonly string[]).includes(sector))
    return "Kiest u “zoals gebruikelijk”, dan gaan we uit van wat in uw sector gebruikelijk is; dat staat bij de uitkomst.";
  const usual = SECTOR_DEFAULTS[sector as Sector];
  return `Gebruikelijk in de sector ${sectorInSentence(sector as Sector)}: ${usual.secrecy ? "wel" : "geen"} beroepsgeheim. ${usual.why}`;
}

export function WeighingForm({ state }: { state: FormState }) {
  const form = formState(state.result ?? undefined, { initial: state.values });
  const [sector, setSector] = useState(form.text("sector") ?? "");
  const submitting = useNavigation().state === "submitting";
  return (
    <div className="page-width narrow">
      <Heading level={1}>Stap voor stap afwegen</Heading>
      <Paragraph lead>
        Beantwoord zes vragen over uw situatie. U krijgt de afspraken die regio's over vergelijkbare situaties maakten,
        de routes waarlangs u mag delen met de artikelen erachter, en de vragen van de afweging met uw eigen antwoorden.
      </Paragraph>
      <Paragraph>
        Dit is een hulpmiddel bij het afwegen, geen juridisch advies. Leertuin slaat niets op van wat u hier invult.
        Liever zoeken? <TextLink to="/zoeken">Zoek in dilemma's en afspraken</TextLink>.
      </Paragraph>
      <FormFeedback form={form} fieldIds={FIELD_TARGET} order={FIELD_ORDER} />
      <Form method="post" className="weighing-form" noValidate>
        {form.list("thema").map((t) => (
          <input key={t} type="hidden" name="thema" value={t} />
        ))}
        <Step legend="1. Wie bent u?">
          <SectorSelect {...form.field("sector")} label="In welke sector werkt u?" onChange={setSector} />
          <ChoiceGroup
            {...form.choice("beroepsgeheim")}
            checked={[form.text("beroepsgeheim") || "gebruikelijk"]}
            type="radio"
            legend="Heeft u een beroepsgeheim?"
            description={usualSecrecy(sector)}
            options={options(SECRECY_ANSWERS, SECRECY_LABELS)}
          />
        </Step>
        <Step legend="2. Wie vraagt wat?">
          <SectorSelect {...form.field("vrager")} label="Uit welke sector komt de vraag?" />
          <ChoiceGroup
            {...form.choice("gegevens")}
            type="checkbox"
            legend="Wat wil de vrager weten?"
            description="Kies alles wat de vrager wil weten. Bij de uitkomst vragen we welke daarvan echt nodig is."
            options={options(INFO_CATEGORIES, INFO_CATEGORY_LABELS)}
          />
        </Step>
        <Step legend="3. Waarvoor?">
          {form.guard && <GuardReport reports={form.guard} />}
          <TextArea
            {...form.field("doel")}
            label="Het doel in één zin"
            description="Bijvoorbeeld: “De school wil weten of het gezin al hulp krijgt, om de leerling goed te begeleiden.” Zonder namen of andere gegevens die iemand herkenbaar maken. Het doel wordt niet opgeslagen en komt niet in de adresbalk."
            rows={3}
            maxLength={300}
          />
        </Step>
        {ONE_CHOICE_STEPS.map(({ step, ...question }) => (
          <Step key={question.name} legend={step}>
            <ChoiceGroup {...form.choice(question.name)} {...question} type="radio" />
          </Step>
        ))}
        <button
          className="utrecht-button utrecht-button--primary-action"
          type="submit"
          name="intent"
          value="weigh"
          aria-disabled={submitting ? true : undefined}
        >
          {submitting ? "Bezig met afwegen…" : "Afwegen"}
        </button>
      </Form>
    </div>
  );
}
