import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { facilitatorScope, requireFacilitatedRegion } from "~/auth/permissions.server";
import { VerdictBadge } from "~/components/badges";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { Form } from "~/components/form";
import { FormFeedback } from "~/components/form-feedback";
import { TextField } from "~/components/form-field";
import { GuardReport } from "~/components/guard-report";
import { Link } from "~/components/link";
import { SubmitButton } from "~/components/submit-once";
import { Heading, Paragraph, RichText } from "~/components/text";
import { formState } from "~/utils/action-result";
import { done, failed, guarded, invalid } from "~/utils/action-result.server";
import { formatDate } from "~/utils/dates";
import { getDb } from "~/utils/db.server";
import { parseForm, readForm } from "~/utils/forms";
import { parseOr404 } from "~/utils/http.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { pageMeta } from "~/utils/meta";
import { SlugParamsSchema, slugSchema } from "~/utils/params";
import { adoptPath, dilemmaPath, editAnswerPath, regionPath } from "~/utils/paths";
import { decideProposal, listMergeTargets, listRegionDrafts, listRegionProposals } from "~/workflow/proposals.server";
import { ReasonSchema } from "~/workflow/reason";
import { declineSuggestion, listOpenSuggestions } from "~/workflow/suggestions.server";
import { guardTexts } from "~/workflow/text-guard.server";

const DilemmaIdSchema = z.coerce.number().int().positive();
/** The dilemma to merge into: its address (`https://…/dilemmas/slug`, `/dilemmas/slug`) or just the slug. */
const MergeTargetSchema = z.preprocess(
  (value) => (typeof value === "string" ? (/\/dilemmas\/([^/?#\s]+)/.exec(value)?.[1] ?? value.trim()) : value),
  slugSchema("Geef het adres van het dilemma waarmee u samenvoegt, bijvoorbeeld /dilemmas/naam-van-het-dilemma."),
);

/** The proposal's updated_at when the agenda was opened: a decision on a changed proposal is refused (409). */
const BasisSchema = z.string().max(40).optional();

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("accept"), dilemmaId: DilemmaIdSchema, basis: BasisSchema }),
  z.object({ intent: z.literal("reject"), dilemmaId: DilemmaIdSchema, basis: BasisSchema, reason: ReasonSchema }),
  z.object({
    intent: z.literal("merge"),
    dilemmaId: DilemmaIdSchema,
    basis: BasisSchema,
    reason: ReasonSchema,
    intoSlug: MergeTargetSchema,
  }),
  z.object({ intent: z.literal("decline"), suggestionId: z.coerce.number().int().positive(), reason: ReasonSchema }),
]);

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data ? `Agenda ${data.region.name}` : "Agenda");

function context(request: Request, params: unknown) {
  const { slug } = parseOr404(SlugParamsSchema, params, "Deze regio bestaat niet.");
  return requireFacilitatedRegion(request, slug);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { region } = await context(request, params);
  const db = getDb();
  const items = listRegionProposals(db, region.id).map((p) => ({ ...p, raisedOn: formatDate(p.raisedOn) }));
  return {
    region: { slug: region.slug, name: region.name },
    proposals: items.filter((p) => p.status === "proposed"),
    onAgenda: items.filter((p) => p.status === "on-agenda"),
    drafts: listRegionDrafts(db, region.id),
    suggestions: listOpenSuggestions(db, region.id).map((s) => ({
      ...s,
      noteHtml: renderMarkdown(s.noteMd),
      createdAt: formatDate(s.createdAt),
    })),
    mergeTargets: listMergeTargets(db),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await context(request, params);
  const form = await readForm(request);
  const parsed = parseForm(ActionSchema, form);
  if (!parsed.ok) return invalid(parsed);
  const db = getDb();
  const scope = facilitatorScope(user);
  const a = parsed.data;
  // The proposer or the member reads the reason: it goes through the anonymity guard first.
  if (a.intent !== "accept") {
    const guard = guardTexts({ reason: { label: "Reden", value: a.reason } }, form);
    if (!guard.ok) return guarded(parsed.values, guard.reports);
  }
  const result =
    a.intent === "decline"
      ? declineSuggestion(db, { actorId: user.id, scope, suggestionId: a.suggestionId, reason: a.reason })
      : decideProposal(db, {
          actorId: user.id,
          scope,
          dilemmaId: a.dilemmaId,
          basis: a.basis,
          ...(a.intent === "merge"
            ? { decision: "merge", reason: a.reason, intoSlug: a.intoSlug }
            : a.intent === "reject"
              ? { decision: "reject", reason: a.reason }
              : { decision: "accept" }),
        });
  // A merge target that cannot be used is the target field's error (the failure says so); anything else the reason's.
  if (!result.ok) return failed(result, parsed.values, { field: "reason" });
  const messages = {
    accept: "Het voorstel staat op de agenda.",
    reject: "Het voorstel is afgewezen.",
    merge: "Het voorstel is samengevoegd.",
    decline: "Het overnamevoorstel is afgewezen.",
  };
  return done(messages[a.intent]);
}

export default function Agenda() {
  const { region, proposals, onAgenda, drafts, suggestions, mergeTargets } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const proposalForm = (id: number) => formState(result, { match: { dilemmaId: String(id) } });
  const suggestionForm = (id: number) => formState(result, { match: { suggestionId: String(id) } });
  // The summary's links lead to the fields of the card that was sent.
  const sentId = result?.values.dilemmaId ?? result?.values.suggestionId;
  const fieldIds: Record<string, string> = result?.values.dilemmaId
    ? { reason: `reden-${sentId}`, intoSlug: `samenvoegen-${sentId}` }
    : { reason: `afwijsreden-${sentId}` };
  return (
    <div className="page-width">
      <Breadcrumbs
        trail={[
          { to: "/regios", label: "Regio's" },
          { to: regionPath(region.slug), label: region.name },
        ]}
        current="Agenda"
      />
      <Heading level={1}>Agenda van leertuin {region.name}</Heading>
      <FormFeedback form={formState(result)} fieldIds={fieldIds} />

      <Heading level={2}>Voorstellen</Heading>
      {proposals.length === 0 ? (
        <Paragraph>Er wachten geen voorstellen.</Paragraph>
      ) : (
        <ul className="card-list">
          {proposals.map((p) => {
            const form = proposalForm(p.id);
            return (
              <li key={p.id} className="card">
                <Heading level={3}>
                  <Link className="utrecht-link" to={dilemmaPath(p.slug)}>
                    {p.title}
                  </Link>
                </Heading>
                <p className="utrecht-paragraph">{p.question}</p>
                <p className="utrecht-paragraph muted">Voorgesteld op {p.raisedOn}</p>
                <Form method="post" className="button-row">
                  <input type="hidden" name="dilemmaId" value={p.id} />
                  <input type="hidden" name="basis" value={p.updatedAt} />
                  <SubmitButton intent="accept" context={p.title}>
                    Op de agenda
                  </SubmitButton>
                </Form>
                <details open={form.errors.reason || form.errors.intoSlug || form.guard ? true : undefined}>
                  <summary>Afwijzen of samenvoegen</summary>
                  <Form method="post" noValidate className="stack-form">
                    <input type="hidden" name="dilemmaId" value={p.id} />
                    <input type="hidden" name="basis" value={p.updatedAt} />
                    <TextField {...form.field("reason")} id={`reden-${p.id}`} label="Reden (de indiener leest die)" />
                    {form.guard && <GuardReport reports={form.guard} />}
                    <TextField
                      {...form.field("intoSlug")}
                      id={`samenvoegen-${p.id}`}
                      label="Samenvoegen met (alleen bij samenvoegen)"
                      description="Het adres van een dilemma dat op de agenda staat of beantwoord is; de dilemma's op een agenda staan in de keuzelijst."
                      list="samenvoeg-doelen"
                      optional
                    />
                    <div className="button-row">
                      <SubmitButton appearance="secondary" intent="reject">
                        Afwijzen
                      </SubmitButton>
                      <SubmitButton appearance="secondary" intent="merge">
                        Samenvoegen
                      </SubmitButton>
                    </div>
                  </Form>
                </details>
              </li>
            );
          })}
        </ul>
      )}
      <datalist id="samenvoeg-doelen">
        {mergeTargets.map((d) => (
          <option key={d.slug} value={dilemmaPath(d.slug)}>
            {d.title}
          </option>
        ))}
      </datalist>

      <Heading level={2}>Op de agenda</Heading>
      {onAgenda.length === 0 ? (
        <Paragraph>Er staat niets op de agenda.</Paragraph>
      ) : (
        <ul className="plain-list">
          {onAgenda.map((p) => (
            <li key={p.id}>
              <Link className="utrecht-link" to={dilemmaPath(p.slug)}>
                {p.title}
              </Link>{" "}
              —{" "}
              <Link className="utrecht-link" to={editAnswerPath(p.slug, region.slug)}>
                afspraak schrijven<span className="visually-hidden"> ({p.title})</span>
              </Link>
            </li>
          ))}
        </ul>
      )}

      <Heading level={2}>Concepten</Heading>
      {drafts.length === 0 ? (
        <Paragraph>Er zijn geen concepten.</Paragraph>
      ) : (
        <ul className="plain-list">
          {drafts.map((d) => (
            <li key={d.dilemmaSlug}>
              <Link className="utrecht-link" to={editAnswerPath(d.dilemmaSlug, region.slug)}>
                {d.dilemmaTitle}
              </Link>{" "}
              — concept voor versie {d.version}
              {d.adopted !== null && ", overgenomen"}
            </li>
          ))}
        </ul>
      )}

      <Heading level={2}>Voorgesteld om over te nemen</Heading>
      {suggestions.length === 0 ? (
        <Paragraph>Er zijn geen afspraken voorgesteld om over te nemen.</Paragraph>
      ) : (
        <ul className="card-list">
          {suggestions.map((s) => {
            const form = suggestionForm(s.id);
            return (
              <li key={s.id} className="card">
                <Heading level={3}>
                  {s.dilemmaTitle}: afspraak {s.sourceRegionName}, versie {s.version}
                </Heading>
                <p className="utrecht-paragraph">
                  <VerdictBadge verdict={s.verdict} /> Voorgesteld door {s.suggestedBy ?? "voormalig lid"} op{" "}
                  {s.createdAt}.
                </p>
                {s.noteHtml && <RichText html={s.noteHtml} />}
                <div className="button-row">
                  <Link
                    className="utrecht-button utrecht-button--primary-action"
                    to={adoptPath(s.dilemmaSlug, s.sourceRegionSlug, s.version)}
                  >
                    Overnemen<span className="visually-hidden"> ({s.dilemmaTitle})</span>
                  </Link>
                </div>
                <details open={form.errors.reason || form.guard ? true : undefined}>
                  <summary>Niet overnemen</summary>
                  <Form method="post" noValidate className="stack-form">
                    <input type="hidden" name="suggestionId" value={s.id} />
                    <TextField {...form.field("reason")} id={`afwijsreden-${s.id}`} label="Reden (het lid leest die)" />
                    {form.guard && <GuardReport reports={form.guard} />}
                    <SubmitButton appearance="secondary" intent="decline">
                      Niet overnemen
                    </SubmitButton>
                  </Form>
                </details>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
