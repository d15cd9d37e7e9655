import { Fragment } from "react";

import { Form } from "~/components/form";
import { Link } from "~/components/link";
import { VERDICT_LABELS } from "~/domain/vocabulary";
import { sectorInSentence } from "~/domain/weighing";
import { formState } from "~/utils/action-result";
import { dilemmaPath, versionPath, weighingPath } from "~/utils/paths";
import type { CitedArticle } from "~/weighing/cited-articles.server";
import { chosenRouteLabel, recordRouteOptions } from "~/weighing/weighing-record";
import type { AnswerState } from "~/weighing/weighing-requests.server";
import type { WeighingView } from "~/weighing/weighing-view.server";
import { confirmationName } from "~/workflow/confirmation-field";
import { Alert } from "./alert";
import { VerdictBadge } from "./badges";
import { FormFeedback } from "./form-feedback";
import { ChoiceGroup, SelectField, TextArea } from "./form-field";
import { GuardReport } from "./guard-report";
import { TextLink } from "./links";
import { Heading, Paragraph } from "./text";

export function Citations({ articles }: { articles: CitedArticle[] }) {
  if (articles.length === 0) return null;
  return (
    <ul className="weighing-citations">
      {articles.map((a) => (
        <li key={a.ref}>
          <Link className="utrecht-link" to={a.path}>
            {a.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** The answers as hidden fields, so the record form sends the same weighing again. */
export function AnswerFields({ answers }: { answers: WeighingView["answers"] }) {
  return (
    <>
      <input type="hidden" name="sector" value={answers.sector} />
      <input type="hidden" name="beroepsgeheim" value={answers.beroepsgeheim} />
      <input type="hidden" name="vrager" value={answers.vrager} />
      {answers.gegevens.map((c) => (
        <input key={c} type="hidden" name="gegevens" value={c} />
      ))}
      <input type="hidden" name="leeftijd" value={answers.leeftijd} />
      <input type="hidden" name="toestemming" value={answers.toestemming} />
      <input type="hidden" name="gevaar" value={answers.gevaar} />
      {answers.thema.map((t) => (
        <input key={t} type="hidden" name="thema" value={t} />
      ))}
    </>
  );
}

function Matches({ view }: { view: WeighingView }) {
  const holder = sectorInSentence(view.answers.sector);
  const asker = sectorInSentence(view.answers.vrager);
  if (view.matches.length === 0)
    return (
      <Paragraph>
        Er is nog geen regionale afspraak over informatie van {holder} voor {asker} die past. Kijk bij{" "}
        <TextLink to="/dilemmas">alle dilemma's</TextLink> of <TextLink to="/zoeken">zoek</TextLink> met uw eigen
        woorden.
      </Paragraph>
    );
  return (
    <ol className="card-list">
      {view.matches.map((m) => (
        <li key={m.slug} className="card">
          <Heading level={3}>
            <Link className="utrecht-link" to={dilemmaPath(m.slug)}>
              {m.title}
            </Link>
          </Heading>
          <p className="card__meta">
            informatie van {sectorInSentence(m.holderSector)} → gevraagd door{" "}
            {m.askingSectors.map(sectorInSentence).join(", ")}
          </p>
          <p className="utrecht-paragraph">{m.question}</p>
          <ul className="weighing-verdicts">
            {m.answers.map((a) => (
              <li key={a.regionSlug}>
                <Link className="utrecht-link" to={versionPath(m.slug, a.regionSlug, a.version)}>
                  Afspraak {a.regionName}
                  {a.own ? " (uw regio)" : ""}
                </Link>
                : <VerdictBadge verdict={a.verdict} />
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}

function RecordForm({ state }: { state: AnswerState }) {
  const { view } = state;
  const form = formState(state.result ?? undefined, { initial: { doel: view.purpose, ...state.values } });
  const confirmed = form.text(confirmationName("doel"));
  return (
    <section aria-labelledby="vastleggen-titel" className="weighing-record-form">
      <Heading level={2} id="vastleggen-titel">
        Afweging vastleggen
      </Heading>
      <Paragraph>
        Leg uw afweging vast voor uw eigen dossier: u krijgt een pagina om af te drukken en een tekstbestand (Markdown)
        om te downloaden. Leertuin slaat niets op: de afweging bestaat alleen in uw browser en in wat u zelf bewaart.
      </Paragraph>
      <FormFeedback form={form} fieldIds={{ doel: "record-doel", route: `route-${recordRouteOptions(view)[0]}` }} />
      <Form method="post" noValidate>
        <AnswerFields answers={view.answers} />
        {/* A purpose already confirmed stays confirmed; the confirmation holds a hash of exactly this text. */}
        {!form.guard && confirmed !== undefined && (
          <input type="hidden" name={confirmationName("doel")} value={confirmed} />
        )}
        {form.guard && <GuardReport reports={form.guard} />}
        <TextArea {...form.field("doel")} id="record-doel" label="Het doel in één zin" rows={2} maxLength={300} />
        <ChoiceGroup
          {...form.choice("route")}
          type="radio"
          legend="Welke route volgt u?"
          options={recordRouteOptions(view).map((r) => ({ value: r, label: chosenRouteLabel(r) }))}
        />
        <SelectField
          {...form.field("afspraak")}
          label="Welke regionale afspraak heeft u geraadpleegd?"
          optional
          emptyLabel="Geen"
        >
          {view.matches.flatMap((m) =>
            m.answers.map((a) => (
              <option key={`${m.slug}/${a.regionSlug}`} value={`${m.slug}/${a.regionSlug}/${a.version}`}>
                {m.title} — {a.regionName}: {VERDICT_LABELS[a.verdict]}
              </option>
            )),
          )}
        </SelectField>
        <button className="utrecht-button utrecht-button--primary-action" type="submit" name="intent" value="record">
          Afweging vastleggen
        </button>
      </Form>
    </section>
  );
}

export function WeighingAnswer({ state }: { state: AnswerState }) {
  const { view } = state;
  return (
    <div className="page-width narrow weighing">
      <Heading level={1}>Uw afweging</Heading>
      {view.acute && (
        <Alert type="warning">
          <strong>Is er nu direct gevaar? Bel 112.</strong> Voor advies of een melding over huiselijk geweld of
          kindermishandeling: Veilig Thuis, 0800-2000 (gratis, dag en nacht).
        </Alert>
      )}
      <Paragraph>
        Dit is een hulpmiddel bij het afwegen, geen juridisch advies. U beslist zelf, met uw organisatie en zo nodig uw
        aandachtsfunctionaris of jurist. Leertuin heeft niets opgeslagen van wat u invulde.
      </Paragraph>
      <dl className="answer__facts">
        {view.facts.map((f) => (
          <Fragment key={f.label}>
            <dt>{f.label}</dt>
            <dd>{f.value}</dd>
          </Fragment>
        ))}
      </dl>
      <div className="button-row">
        <TextLink to={weighingPath(`${view.query}&aanpassen=1`)}>Antwoorden aanpassen</TextLink>
        <TextLink to={weighingPath(view.query)}>Link naar deze afweging (zonder uw doel)</TextLink>
      </div>

      <section aria-labelledby="afspraken-titel">
        <Heading level={2} id="afspraken-titel">
          Afspraken van regio's die passen
        </Heading>
        <Matches view={view} />
      </section>

      <section aria-labelledby="routes-titel">
        <Heading level={2} id="routes-titel">
          Routes die kunnen gelden
        </Heading>
        <Paragraph>
          {view.secrecy.has ? "U heeft een beroepsgeheim" : "U heeft geen beroepsgeheim"}
          {view.secrecy.fromSector ? ", zoals gebruikelijk in uw sector" : ""}. {view.secrecy.why}
        </Paragraph>
        <Citations articles={view.secrecy.citations} />
        <div className="weighing-consent">
          <Heading level={3}>Wie geeft toestemming?</Heading>
          <Paragraph>
            Volgens {view.consent.lawLabel}: {view.consent.who}
          </Paragraph>
          <Citations articles={view.consent.citations} />
        </div>
        <ol className="weighing-routes">
          {view.routes.map((r) => (
            <li key={r.ruleId} className={`weighing-route weighing-route--${r.outcome}`}>
              <Heading level={3}>
                {r.routeLabel}: {r.title}
              </Heading>
              <p className="weighing-route__outcome">{r.outcomeLabel}</p>
              <Paragraph>{r.text}</Paragraph>
              <Citations articles={r.citations} />
            </li>
          ))}
        </ol>
        {view.notes.map((n) => (
          <div key={n.text} className="weighing-note">
            <Paragraph>
              <strong>Let op:</strong> {n.text}
            </Paragraph>
            <Citations articles={n.citations} />
          </div>
        ))}
      </section>

      <section aria-labelledby="vragen-titel">
        <Heading level={2} id="vragen-titel">
          De vijf vragen van de afweging
        </Heading>
        <Paragraph>
          Met uw eigen antwoorden ingevuld. Wat de vrager wil weten, is nog niet wat hij nodig heeft.
        </Paragraph>
        {view.questions.map((q) => (
          <div key={q.key} className="weighing-question">
            <Heading level={3}>{q.heading}</Heading>
            <p className="utrecht-paragraph weighing-question__ask">{q.question}</p>
            <ul>
              {q.answers.map((a) => (
                <li key={a}>{a}</li>
              ))}
            </ul>
          </div>
        ))}
        <Paragraph>
          Daarna: <strong>informeer</strong> de betrokkene over wat u deelt, <strong>motiveer</strong> uw besluit en{" "}
          <strong>documenteer</strong> het in uw dossier.
        </Paragraph>
        <Paragraph>
          Meer lezen: de <TextLink to="/beroepscodes">beroepscodes en wetten</TextLink>.
        </Paragraph>
      </section>

      <RecordForm state={state} />
    </div>
  );
}
