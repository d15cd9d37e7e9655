import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { forbidden, requireFacilitatedRegion } from "~/auth/permissions.server";
import { Alert } from "~/components/alert";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { TextField } from "~/components/form-field";
import { GuardReport } from "~/components/guard-report";
import { Heading, Paragraph } from "~/components/text";
import { answerInForce, listDueAnswers, reconfirmAnswer } from "~/review/review-list.server";
import { REVIEW_REASON_LABELS } from "~/review/review-reasons";
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
  z.object({ intent: z.literal("herbevestigen"), answerId: AnswerIdSchema }),
  z.object({ intent: z.literal("intrekken"), answerId: AnswerIdSchema, reason: ReasonSchema }),
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
  if (!parsed.ok)
    return data({ values: parsed.values, errors: parsed.errors, guard: null, message: null }, { status: 400 });
  const db = getDb();
  const a = parsed.data;
  // Any answer in force of this region may be reconfirmed or withdrawn, also before it is due.
  const answer = answerInForce(db, region.id, a.answerId);
  if (!answer) {
    return data(
      {
        values: parsed.values,
        errors: { answerId: "Deze regio heeft deze afspraak niet (meer) in werking." },
        guard: null,
        message: null,
      },
      { status: 409 },
    );
  }
  if (a.intent === "herbevestigen") {
    const result = reconfirmAnswer(db, { actorId: user.id, regionId: region.id, answerId: a.answerId });
    if (!result.ok)
      return data(
        { values: parsed.values, errors: { answerId: result.message }, guard: null, message: null },
        { status: result.status },
      );
    return {
      values: {},
      errors: {},
      guard: null,
      message: `“${answer.dilemmaTitle}” is herbevestigd; herzien uiterlijk ${formatDate(result.nextReviewBy)}.`,
    };
  }
  // Readers see the reason: it goes through the anonymity guard first.
  const guard = guardTexts({ reason: { label: "Reden", value: a.reason } }, form);
  if (!guard.ok)
    return data({ values: parsed.values, errors: {}, guard: guard.reports, message: null }, { status: 422 });
  const result = withdrawAnswer(db, { actorId: user.id, dilemmaId: answer.dilemmaId, regionId: region.id }, a.reason);
  if (!result.ok) {
    if (result.status === 403) forbidden(result.message);
    return data(
      { values: parsed.values, errors: { reason: result.message }, guard: null, message: null },
      { status: result.status },
    );
  }
  return { values: {}, errors: {}, guard: null, message: `“${answer.dilemmaTitle}” is ingetrokken.` };
}

export default function Review() {
  const { region, due } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const values = (result?.values ?? {}) as Record<string, string | undefined>;
  const errors = (result?.errors ?? {}) as Record<string, string | undefined>;
  const mine = (id: number) => values.answerId === String(id);
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
      {result?.message && <Alert type="ok">{result.message}</Alert>}
      {(Object.keys(errors).length > 0 || result?.guard) && (
        <Alert type="error">{errors.answerId ?? "Dat lukte niet. Kijk bij de afspraak hieronder."}</Alert>
      )}
      {due.length === 0 ? (
        <Paragraph>Er hoeven nu geen afspraken herzien te worden.</Paragraph>
      ) : (
        <ul className="card-list">
          {due.map((d) => (
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
                  <button
                    className="utrecht-button utrecht-button--primary-action"
                    type="submit"
                    name="intent"
                    value="herbevestigen"
                  >
                    Herbevestigen<span className="visually-hidden"> ({d.dilemmaTitle})</span>
                  </button>
                </Form>
                <Link
                  className="utrecht-button utrecht-button--secondary-action"
                  to={editAnswerPath(d.dilemmaSlug, region.slug)}
                >
                  Herzien<span className="visually-hidden"> ({d.dilemmaTitle})</span>
                </Link>
              </div>
              <details open={mine(d.answerId) && (errors.reason || result?.guard) ? true : undefined}>
                <summary>Intrekken</summary>
                <Form method="post" noValidate className="stack-form">
                  <input type="hidden" name="answerId" value={d.answerId} />
                  <TextField
                    id={`intrekreden-${d.answerId}`}
                    name="reason"
                    label="Reden (lezers zien die)"
                    defaultValue={mine(d.answerId) ? values.reason : undefined}
                    error={mine(d.answerId) ? errors.reason : undefined}
                  />
                  {mine(d.answerId) && result?.guard && <GuardReport reports={result.guard} />}
                  <button
                    className="utrecht-button utrecht-button--secondary-action"
                    type="submit"
                    name="intent"
                    value="intrekken"
                  >
                    Intrekken<span className="visually-hidden"> ({d.dilemmaTitle})</span>
                  </button>
                </Form>
              </details>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
