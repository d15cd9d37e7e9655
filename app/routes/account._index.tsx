import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { z } from "zod";

import { PASSWORD_HINT } from "~/auth/password-rules";
import { getMemberships } from "~/auth/permissions.server";
import { getSessionIdHash, logout, requireUser } from "~/auth/session.server";
import { Alert } from "~/components/alert";
import { SelectField, TextField } from "~/components/form-field";
import { Heading, Paragraph } from "~/components/text";
import { MAIL_PREFERENCES } from "~/domain/vocabulary";
import { MAIL_PREFERENCE_LABELS, MailPreferenceSchema } from "~/mail/mail-preference";
import { getMailPreference, setMailPreference } from "~/mail/preferences.server";
import {
  AccountDeletionSchema,
  changePassword,
  deleteAccount,
  getAccount,
  isLastAdmin,
  organisationChoices,
  PasswordChangeSchema,
  ProfileSchema,
  updateProfile,
} from "~/models/account.server";
import { getDb } from "~/utils/db.server";
import { type FieldErrors, parseForm, readForm } from "~/utils/forms";
import { pageMeta } from "~/utils/meta";

export const meta: MetaFunction = () => pageMeta("Mijn account");

const ROLE_LABELS = { member: "lid", facilitator: "leertuinbegeleider" } as const;
const STATUS_LABELS = { pending: "wacht op goedkeuring", active: "actief", rejected: "afgewezen" } as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const account = getAccount(db, user.id)!;
  return {
    account: {
      name: account.name,
      email: account.email,
      profession: account.profession,
      organisationId: account.organisationId,
    },
    organisations: organisationChoices(db, user.id, account.organisationId),
    memberships: getMemberships(user.id).map((m) => ({
      region: m.regionName,
      role: ROLE_LABELS[m.role],
      status: STATUS_LABELS[m.status],
    })),
    lastAdmin: isLastAdmin(db, user.id),
    mailPreference: getMailPreference(db, user.id),
  };
}

const IntentSchema = z.enum(["gegevens", "e-mail", "wachtwoord", "verwijderen"]);
type Intent = z.infer<typeof IntentSchema>;

function answer(
  intent: Intent,
  result: { message?: string; values?: Partial<Record<string, string>>; errors?: FieldErrors },
  status = 200,
) {
  return data(
    {
      intent,
      ok: status === 200,
      message: result.message ?? null,
      values: result.values ?? {},
      errors: result.errors ?? {},
    },
    { status },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  const intent = IntentSchema.safeParse(form.intent);
  if (!intent.success) throw data({ message: "Dit verzoek klopt niet." }, { status: 400 });
  const db = getDb();

  if (intent.data === "gegevens") {
    const parsed = parseForm(ProfileSchema, form);
    if (!parsed.ok) return answer("gegevens", parsed, 400);
    const result = updateProfile(db, user.id, parsed.data);
    if (!result.ok)
      return answer("gegevens", { values: parsed.values, errors: { [result.field]: result.message } }, 400);
    return answer("gegevens", { message: result.changed ? "Uw gegevens zijn opgeslagen." : "Er was niets gewijzigd." });
  }

  if (intent.data === "e-mail") {
    const parsed = parseForm(MailPreferenceSchema, form);
    if (!parsed.ok) return answer("e-mail", parsed, 400);
    const result = setMailPreference(db, { userId: user.id, preference: parsed.data.mailPreference, via: "account" });
    return answer("e-mail", {
      message: result.changed ? "Uw keuze voor e-mail is opgeslagen." : "Er was niets gewijzigd.",
    });
  }

  if (intent.data === "wachtwoord") {
    const parsed = parseForm(PasswordChangeSchema, form);
    if (!parsed.ok) return answer("wachtwoord", parsed, 400);
    const currentSessionHash = (await getSessionIdHash(request))!;
    const result = await changePassword(db, { userId: user.id, currentSessionHash, ...parsed.data });
    if (!result.ok) return answer("wachtwoord", { errors: { [result.field]: result.message } }, 400);
    return answer("wachtwoord", {
      message:
        result.endedSessions > 0
          ? "Uw wachtwoord is gewijzigd. Op andere apparaten en browsers bent u uitgelogd."
          : "Uw wachtwoord is gewijzigd.",
    });
  }

  const parsed = parseForm(AccountDeletionSchema, form);
  if (!parsed.ok) return answer("verwijderen", parsed, 400);
  const result = await deleteAccount(db, { userId: user.id, password: parsed.data.confirmPassword });
  if (!result.ok) {
    return answer(
      "verwijderen",
      result.field ? { errors: { [result.field]: result.message } } : { message: result.message },
      400,
    );
  }
  return logout(request, "/?melding=account-verwijderd");
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="page-section">
      <Heading level={2} id={id}>
        {title}
      </Heading>
      {children}
    </section>
  );
}

export default function Account() {
  const { account, organisations, memberships, lastAdmin, mailPreference } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const outcome = (intent: Intent) => (result?.intent === intent ? result : undefined);
  const profile = outcome("gegevens");
  const password = outcome("wachtwoord");
  const mail = outcome("e-mail");
  const isFacilitator = memberships.some(
    (m) => m.role === ROLE_LABELS.facilitator && m.status === STATUS_LABELS.active,
  );
  const chosenMail = (mail?.ok === false ? mail.values.mailPreference : undefined) ?? mailPreference ?? "weekly";
  const deletion = outcome("verwijderen");
  const values: Record<string, string | undefined> = profile?.ok === false ? profile.values : {};
  const status = (r: typeof result) =>
    r?.message ? (
      <Alert type={r.ok ? "ok" : "error"}>{r.message}</Alert>
    ) : r && !r.ok ? (
      <Alert type="error">Niet alles is goed ingevuld. Kijk bij de velden hieronder.</Alert>
    ) : null;

  return (
    <div className="page-width narrow">
      <Heading level={1}>Mijn account</Heading>
      <Paragraph>
        U bent ingelogd met <strong>{account.email}</strong>. Wilt u een ander e-mailadres gebruiken? Vraag het uw
        leertuinbegeleider.
      </Paragraph>

      <Section id="gegevens-titel" title="Mijn gegevens">
        {status(profile)}
        <Form method="post" noValidate className="stack-form">
          <input type="hidden" name="intent" value="gegevens" />
          <TextField
            name="name"
            label="Naam"
            autoComplete="name"
            defaultValue={values.name ?? account.name}
            error={profile?.errors.name}
          />
          <TextField
            name="profession"
            label="Beroep of functie"
            defaultValue={values.profession ?? account.profession}
            error={profile?.errors.profession}
          />
          <SelectField
            name="organisation"
            label="Organisatie"
            description={
              organisations.length > 0
                ? "Kies uit de organisaties van uw regio's, of laat leeg."
                : "U bent nog geen lid van een regio, dus er zijn geen organisaties om uit te kiezen."
            }
            defaultValue={
              values.organisation ?? (account.organisationId === null ? "" : String(account.organisationId))
            }
            error={profile?.errors.organisation}
          >
            {organisations.map((group) => (
              <optgroup key={group.regionName} label={group.regionName}>
                {group.organisations.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </SelectField>
          <div>
            <button className="utrecht-button utrecht-button--primary-action" type="submit">
              Gegevens opslaan
            </button>
          </div>
        </Form>
      </Section>

      <Section id="regios-titel" title="Mijn regio's">
        {memberships.length === 0 ? (
          <Paragraph>U bent geen lid van een regio.</Paragraph>
        ) : (
          <ul className="utrecht-unordered-list">
            {memberships.map((m) => (
              <li key={m.region}>
                {m.region}: {m.role} ({m.status})
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="e-mail-titel" title="E-mail over meldingen">
        <Paragraph>
          {mailPreference === null
            ? isFacilitator
              ? "Nu krijgt u e-mail direct bij nieuwe voorstellen, overnamevoorstellen en reacties voor uw regio, en de rest in een weekoverzicht. Kiest u hieronder, dan geldt dat voor alle meldingen."
              : "Nu krijgt u één keer per week een overzicht van uw meldingen. Kiest u hieronder, dan geldt dat voor alle meldingen."
            : "Uw keuze geldt voor alle meldingen. Een e-mail noemt alleen titels en een link, nooit de inhoud van een dilemma of reactie."}
        </Paragraph>
        {status(mail)}
        <Form method="post" noValidate className="stack-form">
          <input type="hidden" name="intent" value="e-mail" />
          <fieldset
            className={`utrecht-form-fieldset${mail?.errors.mailPreference ? " utrecht-form-field--invalid" : ""}`}
            aria-describedby={mail?.errors.mailPreference ? "mailPreference-fout" : undefined}
          >
            <legend className="utrecht-form-fieldset__legend">Hoe vaak wilt u e-mail?</legend>
            {mail?.errors.mailPreference && (
              <p className="utrecht-form-field-error-message" id="mailPreference-fout">
                {mail.errors.mailPreference}
              </p>
            )}
            {MAIL_PREFERENCES.map((value) => (
              <div className="utrecht-form-field utrecht-form-field--radio" key={value}>
                <input
                  className="utrecht-radio-button"
                  type="radio"
                  name="mailPreference"
                  id={`mailPreference-${value}`}
                  value={value}
                  defaultChecked={chosenMail === value}
                />{" "}
                <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={`mailPreference-${value}`}>
                  {MAIL_PREFERENCE_LABELS[value]}
                </label>
              </div>
            ))}
          </fieldset>
          <div>
            <button className="utrecht-button utrecht-button--primary-action" type="submit">
              Keuze opslaan
            </button>
          </div>
        </Form>
      </Section>

      <Section id="wachtwoord-titel" title="Wachtwoord wijzigen">
        <Paragraph>
          Na het wijzigen bent u op al uw andere apparaten en browsers uitgelogd; hier blijft u ingelogd.
        </Paragraph>
        {status(password)}
        <Form method="post" noValidate className="stack-form">
          <input type="hidden" name="intent" value="wachtwoord" />
          <TextField
            name="currentPassword"
            label="Huidig wachtwoord"
            type="password"
            autoComplete="current-password"
            error={password?.errors.currentPassword}
          />
          <TextField
            name="newPassword"
            label="Nieuw wachtwoord"
            type="password"
            autoComplete="new-password"
            description={PASSWORD_HINT}
            error={password?.errors.newPassword}
          />
          <TextField
            name="newPasswordRepeat"
            label="Herhaal het nieuwe wachtwoord"
            type="password"
            autoComplete="new-password"
            error={password?.errors.newPasswordRepeat}
          />
          <div>
            <button className="utrecht-button utrecht-button--primary-action" type="submit">
              Wachtwoord wijzigen
            </button>
          </div>
        </Form>
      </Section>

      <Section id="download-titel" title="Mijn gegevens downloaden">
        <Paragraph>
          Download alles wat Leertuin over u bewaart in één bestand (JSON): uw account, lidmaatschappen, sessies,
          reacties, voorstellen, afspraakversies en wat het logboek over uw handelingen bijhoudt.
        </Paragraph>
        <Paragraph>
          <a className="utrecht-link utrecht-link--html-a" href="/account/gegevens" download>
            Download mijn gegevens
          </a>
        </Paragraph>
      </Section>

      <Section id="verwijderen-titel" title="Account verwijderen">
        <Paragraph>
          Als u uw account verwijdert, verdwijnen uw naam, e-mailadres, lidmaatschappen en sessies. Wat u schreef in
          discussies blijft staan, maar onder de naam "voormalig lid". Dilemma's en afspraken waaraan u meewerkte
          blijven bestaan, zonder uw naam. Dit kan niet ongedaan worden gemaakt.
        </Paragraph>
        {lastAdmin ? (
          <Alert type="warning">
            U bent de enige platformbeheerder en kunt uw account daarom niet verwijderen. Maak eerst iemand anders
            beheerder.
          </Alert>
        ) : (
          <>
            {status(deletion)}
            <Form method="post" noValidate className="stack-form">
              <input type="hidden" name="intent" value="verwijderen" />
              <TextField
                name="confirmPassword"
                label="Uw wachtwoord, ter bevestiging"
                type="password"
                autoComplete="current-password"
                error={deletion?.errors.confirmPassword}
              />
              <div>
                <button className="utrecht-button utrecht-button--primary-action button-danger" type="submit">
                  Account definitief verwijderen
                </button>
              </div>
            </Form>
          </>
        )}
      </Section>
    </div>
  );
}
