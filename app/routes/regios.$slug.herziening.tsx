import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { requireFacilitatedRegion } from "~/auth/permissions.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { Form } from "~/components/form";
import { FormFeedback } from "~/components/form-feedback";
import { TextField } from "~/components/form-field";
import { GuardReport } from "~/components/guard-report";
import { Link } from "~/components/link";
import { SubmitButton } from "~/components/submit-once";
import { Heading, Paragraph } from "~/components/text";
import { answerInForce, listDueAnswers, reconfirmAnswer } from "~/review/review-list.server";
import { REVIEW_REASON_LABELS } from "~/review/review-reasons";
import { formState } from "~/utils/action-result";
import { done, failed, guarded, invalid, refused } from "~/utils/action-result.server";
import { formatDate } from "~/utils/dates";
import { getDb } from "~/utils/db.server";
import { parseForm, readForm } from "~/utils/forms";
import { parseOr404 } from "~/utils/http.server";
import { pageMeta } from "~/utils/meta";
import { SlugParamsSchema } from "~/utils/params";
import { articleChangePath, editAnswerPath, regionPath, versionPath } from "~/utils/paths";
import { withdrawAnswer } from "~/workflow/answer-editing.server";
import { ReasonSchema } from "~/workflow/reason";
import { guardTexts } from "~/workflow/text-guard.server";

const AnswerIdSchema = z.coerce.number().int().positive();

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("reconfirm"), answerId: AnswerIdSchema }),
  z.object({ intent: z.literal("withdraw"), answerId: AnswerIdSchema, reason: ReasonSchema }),
]);

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageMeta(data ? `Herziening ${data.region.name}` : "Herziening");

function context(request: Request, params: unknown) {
  const { slug } = parseOr404(SlugParamsSchema, params, "Deze regio bestaat niet.");
  return requireFacilitatedRegion(request, slug);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { region } = await context(request, params);
  const due = listDueAnswers(getDb(), region.id).map((d) => ({
    ...d,
    agreedOnText: formatDate(d.agreedOn),
    reviewByText: d.reviewBy ? formatDate(d.reviewBy) : null,
    reconfirmedOnText: d.reconfirmedOn ? formatDate(d.reconfirmedOn) : null,
    changedArticles: d.changedArticles.map((a) => ({ ...a, effectiveText: formatDate(a.effectiveFrom) })),
  }));
  return { region: { slug: region.slug, name: region.name, reviewYears: region.reviewYears }, due };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, region } = await context(request, params);
  const form = await readForm(request);
  const parsed = parseForm(ActionSchema, form);
  if (!parsed.ok) return invalid(parsed);
  const db = getDb();
  const a = parsed.data;
  const init = { intent: a.intent };
  // Any answer in force of this region may be reconfirmed or withdrawn, also before it is due.
  const answer = answerInForce(db, region.id, a.answerId);
  if (!answer) return refused(parsed.values, "Deze regio heeft deze afspraak niet (meer) in werking.", init);
  if (a.intent === "reconfirm") {
    const result = reconfirmAnswer(db, { actorId: user.id, regionId: region.id, answerId: a.answerId });
    if (!result.ok) return failed(result, parsed.values, init);
    return done(
      `“${answer.dilemmaTitle}” is herbevestigd; herzien uiterlijk ${formatDate(result.nextReviewBy)}.`,
      init,
    );
  }
  // Readers see the reason: it goes through the anonymity guard first.
  const guard = guardTexts({ reason: { label: "Reden", value: a.reason } }, form);
  if (!guard.ok) return guarded(parsed.values, guard.reports, init);
  const result = withdrawAnswer(db, { actorId: user.id, dilemmaId: answer.dilemmaId, regionId: region.id }, a.reason);
  if (!result.ok) return failed(result, parsed.values, { ...init, field: "reason" });
  return done(`“${answer.dilemmaTitle}” is ingetrokken.`, init);
}

export default function Review() {
  const { region, due } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const withdrawal = (id: number) => formState(result, { match: { answerId: String(id) } });
  return (
    <div className="page-width">
      <Breadcrumbs
        trail={[
          { to: "/regios", label: "Regio's" },
          { to: regionPath(region.slug), label: region.name },
        ]}
        current="Herziening"
      />
      <Heading level={1}>Herziening van de afspraken van {region.name}</Heading>
      <Paragraph>
        Afspraken die over hun herzieningsdatum zijn, die steunen op een artikel dat sindsdien is gewijzigd, of met
        punten die nog niet zijn nagekeken; de oudste eerst. Herbevestigen zet de volgende herzieningsdatum{" "}
        {region.reviewYears ?? 3} jaar verder, zonder nieuwe versie.
      </Paragraph>
      <FormFeedback form={formState(result)} fieldIds={{ reason: `intrekreden-${result?.values.answerId}` }} />
      {due.length === 0 ? (
        <Paragraph>Er hoeven nu geen afspraken herzien te worden.</Paragraph>
      ) : (
        <ul className="card-list">
          {due.map((d) => {
            const form = withdrawal(d.answerId);
            return (
              <li key={d.answerId} className="card">
                <Heading level={2}>
                  <Link className="utrecht-link" to={versionPath(d.dilemmaSlug, region.slug, d.version)}>
                    {d.dilemmaTitle}
                  </Link>
                </Heading>
                <p className="utrecht-paragraph muted">
                  Versie {d.version}, afgesproken op {d.agreedOnText}
                  {d.reviewByText && <>; herzien uiterlijk {d.reviewByText}</>}
                  {d.reconfirmedOnText && <>; herbevestigd op {d.reconfirmedOnText}</>}
                </p>
                <ul className="plain-list">
                  {d.reasons.map((r) => (
                    <li key={r}>
                      {REVIEW_REASON_LABELS[r]}
                      {r === "unverified" && ` (${d.unverifiedCount})`}
                    </li>
                  ))}
                </ul>
                {d.changedArticles.length > 0 && (
                  <ul className="plain-list">
                    {d.changedArticles.map((c) => (
                      <li key={c.ref}>
                        Herziening nodig: artikel{" "}
                        <Link className="utrecht-link" to={articleChangePath(c.ref)}>
                          {c.heading} ({c.codeTitle})
                        </Link>{" "}
                        is {c.change === "removed" ? "vervallen" : "gewijzigd"} per {c.effectiveText}
                      </li>
                    ))}
                  </ul>
                )}
                <div className="button-row">
                  <Form method="post">
                    <input type="hidden" name="answerId" value={d.answerId} />
                    <SubmitButton intent="reconfirm" context={d.dilemmaTitle}>
                      Herbevestigen
                    </SubmitButton>
                  </Form>
                  <Link
                    className="utrecht-button utrecht-button--secondary-action"
                    to={editAnswerPath(d.dilemmaSlug, region.slug)}
                  >
                    Herzien<span className="visually-hidden"> ({d.dilemmaTitle})</span>
                  </Link>
                </div>
                <details open={form.errors.reason || form.guard ? true : undefined}>
                  <summary>Intrekken</summary>
                  <Form method="post" noValidate className="stack-form">
                    <input type="hidden" name="answerId" value={d.answerId} />
                    <TextField
                      {...form.field("reason")}
                      id={`intrekreden-${d.answerId}`}
                      label="Reden (lezers zien die)"
                    />
                    {form.guard && <GuardReport reports={form.guard} />}
                    <SubmitButton appearance="secondary" intent="withdraw" context={d.dilemmaTitle}>
                      Intrekken
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
