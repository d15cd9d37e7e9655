import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { memberScope, requireMember } from "~/auth/permissions.server";
import { ErrorSummary } from "~/components/error-summary";
import { ChoiceGroup, SelectField, TextArea, TextField } from "~/components/form-field";
import { GuardReport } from "~/components/guard-report";
import { SubmitButton, useSubmitOnce } from "~/components/submit-once";
import { Heading, Paragraph } from "~/components/text";
import { DILEMMA_STATUS_LABELS, SECTOR_LABELS, SECTORS } from "~/domain/vocabulary";
import { listRegionNames } from "~/models/region.server";
import { listThemes } from "~/models/theme.server";
import { formatDate } from "~/utils/dates";
import { getDb } from "~/utils/db.server";
import { parseForm, readForm } from "~/utils/forms";
import { pageMeta } from "~/utils/meta";
import { dilemmaPath } from "~/utils/paths";
import { listOwnProposals, PROPOSAL_TEXT_FIELDS, ProposalSchema, proposeDilemma } from "~/workflow/proposals.server";
import { guardTexts } from "~/workflow/text-guard.server";

export const meta: MetaFunction = () => pageMeta("Dilemma voorstellen");

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireMember(request);
  const db = getDb();
  return {
    // The regions a member may propose for: their approved memberships, or every region for an admin.
    regions: memberScope(user)
      .filter(listRegionNames(db), (r) => r.id)
      .map((r) => ({ value: r.slug, label: r.name })),
    themes: listThemes(db).map((t) => ({ value: t.slug, label: t.label })),
    proposals: listOwnProposals(db, user.id).map((p) => ({
      ...p,
      raisedOn: formatDate(p.raisedOn),
      statusLabel: DILEMMA_STATUS_LABELS[p.status],
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireMember(request);
  const form = await readForm(request, ["askingSectors", "themes"] as const);
  const parsed = parseForm(ProposalSchema, form);
  if (!parsed.ok) return data({ values: parsed.values, errors: parsed.errors, guard: null }, { status: 400 });
  const { data: p, values } = parsed;
  const guard = guardTexts(
    Object.fromEntries(
      Object.entries(PROPOSAL_TEXT_FIELDS).map(([field, label]) => [
        field,
        { label, value: p[field as keyof typeof PROPOSAL_TEXT_FIELDS] },
      ]),
    ),
    form,
  );
  if (!guard.ok) return data({ values, errors: {}, guard: guard.reports }, { status: 422 });
  const result = proposeDilemma(getDb(), { userId: user.id, scope: memberScope(user), proposal: p });
  if (!result.ok) return data({ values, errors: { [result.field]: result.message }, guard: null }, { status: 400 });
  return redirect(dilemmaPath(result.slug, { voorgesteld: 1 }));
}

export default function Propose() {
  const { regions, themes, proposals } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string | undefined> = result?.errors ?? {};
  const values = (result?.values ?? {}) as Record<string, string | string[] | undefined>;
  const text = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : undefined);
  const list = (name: string) => (Array.isArray(values[name]) ? (values[name] as string[]) : []);
  const submitOnce = useSubmitOnce();
  return (
    <div className="page-width narrow">
      <Heading level={1}>Dilemma voorstellen</Heading>
      <Paragraph>
        Twijfelde u of u informatie mocht delen? Stel het dilemma voor aan de leertuin van uw regio. Beschrijf de
        situatie zonder namen, adressen, telefoonnummers of andere gegevens die iemand herkenbaar maken: Leertuin
        controleert dat voordat er iets wordt opgeslagen.
      </Paragraph>
      <ErrorSummary
        errors={errors}
        fieldIds={{ askingSectors: `askingSectors-${SECTORS[0]}`, themes: `themes-${themes[0]?.value ?? ""}` }}
      />
      <Form method="post" noValidate className="stack-form" onSubmit={submitOnce.onSubmit}>
        {result?.guard && <GuardReport reports={result.guard} />}
        <SelectField
          name="region"
          label="Regio"
          defaultValue={text("region") ?? (regions.length === 1 ? regions[0]!.value : undefined)}
          error={errors.region}
        >
          {regions.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </SelectField>
        <TextField
          name="title"
          label="Titel"
          description="Kort en zonder namen, bijvoorbeeld: Zorgen over een leerling, school en wijkteam."
          defaultValue={text("title")}
          error={errors.title}
        />
        <TextField
          name="question"
          label="De vraag"
          description="Bijvoorbeeld: Mag ik als intern begeleider het wijkteam vertellen dat …?"
          defaultValue={text("question")}
          error={errors.question}
        />
        <TextArea
          name="situation"
          label="De situatie"
          description="Wat speelt er, wie wil wat weten en waarom twijfelt u? Markdown mag."
          rows={10}
          defaultValue={text("situation")}
          error={errors.situation}
        />
        <TextField
          name="purpose"
          label="Doel van de vraag (mag leeg)"
          optional
          defaultValue={text("purpose")}
          error={errors.purpose}
        />
        <SelectField
          name="holderSector"
          label="Welke sector heeft de informatie?"
          defaultValue={text("holderSector")}
          error={errors.holderSector}
        >
          {SECTORS.map((s) => (
            <option key={s} value={s}>
              {SECTOR_LABELS[s]}
            </option>
          ))}
        </SelectField>
        <ChoiceGroup
          type="checkbox"
          name="askingSectors"
          legend="Welke sectoren vragen erom?"
          options={SECTORS.map((s) => ({ value: s, label: SECTOR_LABELS[s] }))}
          checked={list("askingSectors")}
          error={errors.askingSectors}
        />
        <ChoiceGroup
          type="checkbox"
          name="themes"
          legend="Thema's"
          description="Kies er één tot vijf."
          options={themes}
          checked={list("themes")}
          error={errors.themes}
        />
        <SubmitButton pending={submitOnce.pending} pendingLabel="Bezig met indienen…">
          Voorstel indienen
        </SubmitButton>
      </Form>

      <Heading level={2}>Mijn voorstellen</Heading>
      {proposals.length === 0 ? (
        <Paragraph>U heeft nog geen dilemma's voorgesteld.</Paragraph>
      ) : (
        <ul className="plain-list">
          {proposals.map((p) => (
            <li key={p.slug}>
              <Link className="utrecht-link" to={dilemmaPath(p.slug)}>
                {p.title}
              </Link>{" "}
              — {p.statusLabel}, {p.raisedOn}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
