import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { z } from "zod";

import { getMemberships } from "~/auth/permissions.server";
import { getSessionIdHash, logout, requireUser } from "~/auth/session.server";
import { Alert } from "~/components/alert";
import { NewPasswordFields, PasswordField } from "~/components/credential-fields";
import { Form } from "~/components/form";
import { FormFeedback } from "~/components/form-feedback";
import { ChoiceGroup, SelectField, TextField } from "~/components/form-field";
import { SubmitButton } from "~/components/submit-once";
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
import { formState } from "~/utils/action-result";
import { done, invalid, refused } from "~/utils/action-result.server";
import { getDb } from "~/utils/db.server";
import { parseForm, readForm } from "~/utils/forms";
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

const IntentSchema = z.enum(["profile", "mail", "password", "delete"]);

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  const parsedIntent = IntentSchema.safeParse(form.intent);
  if (!parsedIntent.success) throw data({ message: "Dit verzoek klopt niet." }, { status: 400 });
  const intent = parsedIntent.data;
  const db = getDb();

  if (intent === "profile") {
    const parsed = parseForm(ProfileSchema, form);
    if (!parsed.ok) return invalid(parsed, { intent });
    const result = updateProfile(db, user.id, parsed.data);
    if (!result.ok) return invalid({ values: parsed.values, errors: { [result.field]: result.message } }, { intent });
    return done(result.changed ? "Uw gegevens zijn opgeslagen." : "Er was niets gewijzigd.", { intent });
  }

  if (intent === "mail") {
    const parsed = parseForm(MailPreferenceSchema, form);
    if (!parsed.ok) return invalid(parsed, { intent });
    const result = setMailPreference(db, { userId: user.id, preference: parsed.data.mailPreference, via: "account" });
    return done(result.changed ? "Uw keuze voor e-mail is opgeslagen." : "Er was niets gewijzigd.", { intent });
  }

  if (intent === "password") {
    const parsed = parseForm(PasswordChangeSchema, form);
    if (!parsed.ok) return invalid(parsed, { intent });
    const currentSessionHash = (await getSessionIdHash(request))!;
    const result = await changePassword(db, { userId: user.id, currentSessionHash, ...parsed.data });
    if (!result.ok) return invalid({ values: {}, errors: { [result.field]: result.message } }, { intent });
    return done(
      result.endedSessions > 0
        ? "Uw wachtwoord is gewijzigd. Op andere apparaten en browsers bent u uitgelogd."
        : "Uw wachtwoord is gewijzigd.",
      { intent },
    );
  }

  const parsed = parseForm(AccountDeletionSchema, form);
  if (!parsed.ok) return invalid(parsed, { intent });
  const result = await deleteAccount(db, { userId: user.id, password: parsed.data.confirmPassword });
  if (!result.ok) {
    return result.field
      ? invalid({ values: {}, errors: { [result.field]: result.message } }, { intent })
      : refused({}, result.message, { intent, status: 400 });
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
  const profile = formState(result, {
    intent: "profile",
    initial: {
      name: account.name,
      profession: account.profession,
      organisation: account.organisationId === null ? "" : String(account.organisationId),
    },
  });
  const mail = formState(result, { intent: "mail" });
  const password = formState(result, { intent: "password" });
  const deletion = formState(result, { intent: "delete" });
  const isFacilitator = memberships.some(
    (m) => m.role === ROLE_LABELS.facilitator && m.status === STATUS_LABELS.active,
  );
  const chosenMail =
    (mail.result?.outcome === "invalid" ? mail.text("mailPreference") : undefined) ?? mailPreference ?? "weekly";

  return (
    <div className="page-width narrow">
      <Heading level={1}>Mijn account</Heading>
      <Paragraph>
        U bent ingelogd met <strong>{account.email}</strong>. Wilt u een ander e-mailadres gebruiken? Vraag het uw
        leertuinbegeleider.
      </Paragraph>

      <Section id="gegevens-titel" title="Mijn gegevens">
        <FormFeedback form={profile} />
        <Form method="post" noValidate className="stack-form">
          <input type="hidden" name="intent" value="profile" />
          <TextField {...profile.field("name")} label="Naam" autoComplete="name" />
          <TextField {...profile.field("profession")} label="Beroep of functie" />
          <SelectField
            {...profile.field("organisation")}
            label="Organisatie"
            description={
              organisations.length > 0
                ? "Kies uit de organisaties van uw regio's, of laat leeg."
                : "U bent nog geen lid van een regio, dus er zijn geen organisaties om uit te kiezen."
            }
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
            <SubmitButton>Gegevens opslaan</SubmitButton>
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
        <FormFeedback form={mail} fieldIds={{ mailPreference: `mailPreference-${MAIL_PREFERENCES[0]}` }} />
        <Form method="post" noValidate className="stack-form">
          <input type="hidden" name="intent" value="mail" />
          <ChoiceGroup
            type="radio"
            name="mailPreference"
            legend="Hoe vaak wilt u e-mail?"
            options={MAIL_PREFERENCES.map((value) => ({ value, label: MAIL_PREFERENCE_LABELS[value] }))}
            checked={[chosenMail]}
            error={mail.errors.mailPreference}
          />
          <div>
            <SubmitButton>Keuze opslaan</SubmitButton>
          </div>
        </Form>
      </Section>

      <Section id="wachtwoord-titel" title="Wachtwoord wijzigen">
        <Paragraph>
          Na het wijzigen bent u op al uw andere apparaten en browsers uitgelogd; hier blijft u ingelogd.
        </Paragraph>
        <FormFeedback form={password} />
        <Form method="post" noValidate className="stack-form">
          <input type="hidden" name="intent" value="password" />
          <PasswordField name="currentPassword" label="Huidig wachtwoord" error={password.errors.currentPassword} />
          <NewPasswordFields
            names={["newPassword", "newPasswordRepeat"]}
            labels={["Nieuw wachtwoord", "Herhaal het nieuwe wachtwoord"]}
            errors={password.errors}
          />
          <div>
            <SubmitButton>Wachtwoord wijzigen</SubmitButton>
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
            <FormFeedback form={deletion} />
            <Form method="post" noValidate className="stack-form">
              <input type="hidden" name="intent" value="delete" />
              <PasswordField
                name="confirmPassword"
                label="Uw wachtwoord, ter bevestiging"
                error={deletion.errors.confirmPassword}
              />
              <div>
                <SubmitButton appearance="danger">Account definitief verwijderen</SubmitButton>
              </div>
            </Form>
          </>
        )}
      </Section>
    </div>
  );
}
