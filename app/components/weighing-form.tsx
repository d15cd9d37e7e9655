import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";

import { type Sector, SECTOR_LABELS, SECTORS } from "~/domain/vocabulary";
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
import type { FormState } from "~/weighing/weighing-requests.server";
import { Alert } from "./alert";
import { ChoiceGroup } from "./form-field";
import { GuardReport } from "./guard-report";
import { TextLink } from "./links";
import { Heading, Paragraph } from "./text";

const options = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, label: labels[value] }));

const FIELD_ORDER = ["sector", "beroepsgeheim", "vrager", "gegevens", "doel", "leeftijd", "toestemming", "gevaar"];
/** Where an error in the summary leads: the field, or the first option of a group. */
const FIELD_TARGET: Record<string, string> = {
  beroepsgeheim: "beroepsgeheim-gebruikelijk",
  gegevens: "gegevens-hulp",
  leeftijd: "leeftijd-onder-12",
  toestemming: "toestemming-gegeven",
  gevaar: "gevaar-nee",
};

function SectorSelect({
  name,
  label,
  value,
  error,
  onChange,
}: {
  name: string;
  label: string;
  value: string;
  error?: string;
  onChange?: (value: string) => void;
}) {
  const select = useRef<HTMLSelectElement>(null);
  // A choice made before React took over the page (or restored by the browser) counts too.
  useEffect(() => {
    if (select.current && select.current.value !== value) onChange?.(select.current.value);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when React takes over
  }, []);
  return (
    <div className={`utrecht-form-field${error ? " utrecht-form-field--invalid" : ""}`}>
      <label className="utrecht-form-label" htmlFor={name}>
        {label}
      </label>
      {error && (
        <p className="utrecht-form-field-error-message" id={`${name}-fout`}>
          {error}
        </p>
      )}
      <select
        ref={select}
        className="utrecht-select utrecht-select--html-select"
        id={name}
        name={name}
        defaultValue={value}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${name}-fout` : undefined}
        onChange={onChange ? (event) => onChange(event.target.value) : undefined}
      >
        <option value="">Kies…</option>
        {SECTORS.map((s) => (
          <option key={s} value={s}>
            {SECTOR_LABELS[s]}
          </option>
        ))}
      </select>
    </div>
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
  const { values, errors, guard } = state;
  const text = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : "");
  const list = (name: string) => (Array.isArray(values[name]) ? (values[name] as string[]) : []);
  const [sector, setSector] = useState(text("sector"));
  const submitting = useNavigation().state === "submitting";
  const errorFields = FIELD_ORDER.filter((name) => errors[name]);
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
      {errorFields.length > 0 && (
        <Alert type="error">
          <strong>Niet alles is goed ingevuld.</strong>
          <ul>
            {errorFields.map((name) => (
              <li key={name}>
                <a className="utrecht-link" href={`#${FIELD_TARGET[name] ?? name}`}>
                  {errors[name]}
                </a>
              </li>
            ))}
          </ul>
        </Alert>
      )}
      <Form method="post" className="weighing-form" noValidate>
        {list("thema").map((t) => (
          <input key={t} type="hidden" name="thema" value={t} />
        ))}
        <fieldset className="utrecht-form-fieldset weighing-step">
          <legend className="utrecht-form-fieldset__legend">1. Wie bent u?</legend>
          <SectorSelect
            name="sector"
            label="In welke sector werkt u?"
            value={text("sector")}
            error={errors.sector}
            onChange={setSector}
          />
          <ChoiceGroup
            type="radio"
            name="beroepsgeheim"
            legend="Heeft u een beroepsgeheim?"
            description={usualSecrecy(sector)}
            options={options(SECRECY_ANSWERS, SECRECY_LABELS)}
            checked={[text("beroepsgeheim") || "gebruikelijk"]}
            error={errors.beroepsgeheim}
          />
        </fieldset>
        <fieldset className="utrecht-form-fieldset weighing-step">
          <legend className="utrecht-form-fieldset__legend">2. Wie vraagt wat?</legend>
          <SectorSelect
            name="vrager"
            label="Uit welke sector komt de vraag?"
            value={text("vrager")}
            error={errors.vrager}
          />
          <ChoiceGroup
            type="checkbox"
            name="gegevens"
            legend="Wat wil de vrager weten?"
            description="Kies alles wat de vrager wil weten. Bij de uitkomst vragen we welke daarvan echt nodig is."
            options={options(INFO_CATEGORIES, INFO_CATEGORY_LABELS)}
            checked={list("gegevens")}
            error={errors.gegevens}
          />
        </fieldset>
        <fieldset className="utrecht-form-fieldset weighing-step">
          <legend className="utrecht-form-fieldset__legend">3. Waarvoor?</legend>
          {guard && <GuardReport reports={guard} />}
          <div className={`utrecht-form-field${errors.doel ? " utrecht-form-field--invalid" : ""}`}>
            <label className="utrecht-form-label" htmlFor="doel">
              Het doel in één zin
            </label>
            <p className="utrecht-form-field-description" id="doel-uitleg">
              Bijvoorbeeld: “De school wil weten of het gezin al hulp krijgt, om de leerling goed te begeleiden.” Zonder
              namen of andere gegevens die iemand herkenbaar maken. Het doel wordt niet opgeslagen en komt niet in de
              adresbalk.
            </p>
            {errors.doel && (
              <p className="utrecht-form-field-error-message" id="doel-fout">
                {errors.doel}
              </p>
            )}
            <textarea
              className="utrecht-textarea utrecht-textarea--html-textarea"
              id="doel"
              name="doel"
              rows={3}
              maxLength={300}
              defaultValue={text("doel")}
              aria-invalid={errors.doel ? true : undefined}
              aria-describedby={errors.doel ? "doel-uitleg doel-fout" : "doel-uitleg"}
            />
          </div>
        </fieldset>
        <fieldset className="utrecht-form-fieldset weighing-step">
          <legend className="utrecht-form-fieldset__legend">4. Om wie gaat het?</legend>
          <ChoiceGroup
            type="radio"
            name="leeftijd"
            legend="De leeftijd van de jongere, of een volwassene"
            options={options(AGE_BANDS, AGE_LABELS)}
            checked={[text("leeftijd")]}
            error={errors.leeftijd}
          />
        </fieldset>
        <fieldset className="utrecht-form-fieldset weighing-step">
          <legend className="utrecht-form-fieldset__legend">5. Toestemming</legend>
          <ChoiceGroup
            type="radio"
            name="toestemming"
            legend="Heeft u toestemming gevraagd om te delen?"
            options={options(CONSENT_STATES, CONSENT_LABELS)}
            checked={[text("toestemming")]}
            error={errors.toestemming}
          />
        </fieldset>
        <fieldset className="utrecht-form-fieldset weighing-step">
          <legend className="utrecht-form-fieldset__legend">6. Gevaar</legend>
          <ChoiceGroup
            type="radio"
            name="gevaar"
            legend="Is er acuut gevaar, of een vermoeden van huiselijk geweld of kindermishandeling?"
            options={options(DANGER_LEVELS, DANGER_LABELS)}
            checked={[text("gevaar")]}
            error={errors.gevaar}
          />
        </fieldset>
        <button
          className="utrecht-button utrecht-button--primary-action"
          type="submit"
          name="intent"
          value="afwegen"
          aria-disabled={submitting ? true : undefined}
        >
          {submitting ? "Bezig met afwegen…" : "Afwegen"}
        </button>
      </Form>
    </div>
  );
}
