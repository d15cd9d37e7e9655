import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";

import { memberScope, requireMember } from "~/auth/permissions.server";
import { Form } from "~/components/form";
import { FormFeedback } from "~/components/form-feedback";
import { ChoiceGroup, SECTOR_OPTIONS, SectorSelect, SelectField, TextArea, TextField } from "~/components/form-field";
import { GuardReport } from "~/components/guard-report";
import { Link } from "~/components/link";
import { SubmitButton, useSubmitOnce } from "~/components/submit-once";
import { Heading, Paragraph } from "~/components/text";
import { DILEMMA_STATUS_LABELS, SECTORS } from "~/domain/vocabulary";
import { listRegionNames } from "~/models/region.server";
import { listThemes } from "~/models/theme.server";
import { formState } from "~/utils/action-result";
import { guarded, invalid } from "~/utils/action-result.server";
import { formatDate } from "~/utils/dates";
import { getDb } from "~/utils/db.server";
import { parseForm, readForm } from "~/utils/forms";
import { pageMeta } from "~/utils/meta";
import { dilemmaPath } from "~/utils/paths";
import { listOwnProposals, PROPOSAL_TEXT_FIELDS, ProposalSchema, proposeDilemma } from "~/workflow/proposals.server";
import { guardFields } from "~/workflow/text-guard.server";

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
  if (!parsed.ok) return invalid(parsed);
  const { data: p, values } = parsed;
  const guard = guardFields(PROPOSAL_TEXT_FIELDS, p, form);
  if (!guard.ok) return guarded(values, guard.reports);
  const result = proposeDilemma(getDb(), { userId: user.id, scope: memberScope(user), proposal: p });
  if (!result.ok) return invalid({ values, errors: { [result.field]: result.message } });
  return redirect(dilemmaPath(result.slug, { voorgesteld: 1 }));
}

export default function Propose() {
  const { regions, themes, proposals } = useLoaderData<typeof loader>();
  const form = formState(useActionData<typeof action>(), {
    initial: regions.length === 1 ? { region: regions[0]!.value } : {},
  });
  const submitOnce = useSubmitOnce();
  return (
    <div className="page-width narrow">
      <Heading level={1}>Dilemma voorstellen</Heading>
      <Paragraph>
        Twijfelde u of u informatie mocht delen? Stel het dilemma voor aan de leertuin van uw regio. Beschrijf de
        situatie zonder namen, adressen, telefoonnummers of andere gegevens die iemand herkenbaar maken: Leertuin
        controleert dat voordat er iets wordt opgeslagen.
      </Paragraph>
      <FormFeedback
        form={form}
        fieldIds={{ askingSectors: `askingSectors-${SECTORS[0]}`, themes: `themes-${themes[0]?.value ?? ""}` }}
      />
      <Form method="post" noValidate className="stack-form" onSubmit={submitOnce.onSubmit}>
        {form.guard && <GuardReport reports={form.guard} />}
        <SelectField {...form.field("region")} label="Regio">
          {regions.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </SelectField>
        <TextField
          {...form.field("title")}
          label="Titel"
          description="Kort en zonder namen, bijvoorbeeld: Zorgen over een leerling, school en wijkteam."
        />
        <TextField
          {...form.field("question")}
          label="De vraag"
          description="Bijvoorbeeld: Mag ik als intern begeleider het wijkteam vertellen dat …?"
        />
        <TextArea
          {...form.field("situation")}
          label="De situatie"
          description="Wat speelt er, wie wil wat weten en waarom twijfelt u? Markdown mag."
          rows={10}
        />
        <TextField {...form.field("purpose")} label="Doel van de vraag (mag leeg)" optional />
        <SectorSelect {...form.field("holderSector")} label="Welke sector heeft de informatie?" />
        <ChoiceGroup
          {...form.choice("askingSectors")}
          type="checkbox"
          legend="Welke sectoren vragen erom?"
          options={SECTOR_OPTIONS}
        />
        <ChoiceGroup
          {...form.choice("themes")}
          type="checkbox"
          legend="Thema's"
          description="Kies er één tot vijf."
          options={themes}
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
