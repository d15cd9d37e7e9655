import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";

import {
  activeMemberships,
  facilitatorScope,
  forbidden,
  isFacilitatorOf,
  isMember,
  requireMember,
} from "~/auth/permissions.server";
import { RegionScope } from "~/auth/region-scope";
import type { SessionUser } from "~/auth/session.server";
import { Alert } from "~/components/alert";
import { AnswerCard } from "~/components/answer-card";
import { Tag } from "~/components/badges";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { Direction } from "~/components/direction";
import { Discussion } from "~/components/discussion";
import { Link } from "~/components/link";
import { ButtonLink, TextLink } from "~/components/links";
import { useNonce } from "~/components/nonce";
import type { ScriptsHandle } from "~/components/page-scripts";
import { ReaderRegionForm } from "~/components/reader-region-form";
import { Heading, Paragraph, RichText } from "~/components/text";
import { VerdictSummary } from "~/components/verdict-summary";
import { WithdrawnAnswerNotice } from "~/components/withdrawn-answer";
import { DILEMMA_STATUS_LABELS } from "~/domain/vocabulary";
import { sharedDilemmaView, sharedDiscussion } from "~/models/dilemma-page.server";
import { listRegionNames } from "~/models/region.server";
import { dilemmaStructuredData, jsonForScript } from "~/models/structured-data.server";
import { done, failed, guarded, invalid } from "~/utils/action-result.server";
import { formatDate } from "~/utils/dates";
import { getDb } from "~/utils/db.server";
import { parseForm, readForm } from "~/utils/forms";
import { parseOr404, searchParamsObject } from "~/utils/http.server";
import { pageMeta } from "~/utils/meta";
import { optionalParam, SlugParamsSchema, SlugSchema } from "~/utils/params";
import {
  adoptPath,
  compareDilemmaPath,
  dilemmaPath,
  dilemmasPath,
  editAnswerPath,
  regionPath,
  termPath,
  weighingPath,
} from "~/utils/paths";
import { ownRegionFirst, readerRegion } from "~/utils/reader-region.server";
import { addComment, CommentSchema, hideComment, HideSchema } from "~/workflow/comments.server";
import { readableDilemma } from "~/workflow/dilemma-access.server";
import { guardTexts } from "~/workflow/text-guard.server";

const SearchSchema = z.object({ regio: optionalParam(SlugSchema), voorgesteld: optionalParam(z.literal("1")) });
const IntentSchema = z.object({ intent: z.enum(["comment", "hide"]) });

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? pageMeta(data.dilemma.title, data.dilemma.question) : pageMeta("Dilemma niet gevonden");

/** What this reader may do here; the actions check the same again. */
function abilities(user: SessionUser | null, dilemma: { regionId: number; status: string }) {
  const member = isMember(user);
  const facilitated = user ? facilitatorScope(user) : RegionScope.none();
  const writable = dilemma.status === "on-agenda" || dilemma.status === "answered";
  const facilitates = (regionId: number) => facilitated.includes(regionId);
  // Only a facilitator answers for regions: readers and members need no region list.
  const regions = writable && !facilitated.isEmpty ? listRegionNames(getDb()) : [];
  return {
    member,
    moderator: member && facilitates(dilemma.regionId),
    /** Regions whose answer this user may write, revise or adopt into. */
    answerRegions: regions.filter((r) => facilitates(r.id)).map((r) => ({ slug: r.slug, name: r.name })),
    /** Regions this member may suggest an adoption for. */
    memberRegions: user && member ? activeMemberships(user).map((m) => m.regionSlug) : [],
  };
}

export async function loader({ params, request }: LoaderFunctionArgs) {
  const { slug } = parseOr404(SlugParamsSchema, params, "Dit dilemma bestaat niet.");
  const { regio } = parseOr404(SearchSchema, searchParamsObject(request.url));
  const { dilemma, user } = await readableDilemma(request, slug);
  const db = getDb();
  // The reader's own region first: a member's or the one a visitor chose; a link's ?regio= overrides it.
  const reader = await readerRegion(request);
  const first = regio ?? reader?.slug ?? null;
  const shared = sharedDilemmaView(dilemma, user);
  const ordered = ownRegionFirst(shared.answers, first, (a) => a.regionSlug);
  const can = abilities(user, dilemma);
  const discussion = can.member ? sharedDiscussion(dilemma.id) : null;
  const { situationMd: _situation, proposedBy: _proposer, regionId: _region, ...rest } = dilemma;
  return {
    dilemma: {
      ...rest,
      situationHtml: shared.situationHtml,
      terms: shared.terms,
      statusLabel: DILEMMA_STATUS_LABELS[dilemma.status],
    },
    // What the page shows of each answer: the card's body comes rendered (the shared view keeps it).
    answers: ordered.map(
      ({ regionSlug, regionName, bodyHtml, current: { version, verdict, route, gist, reviewBy, reviewDue } }) => ({
        regionSlug,
        regionName,
        bodyHtml,
        current: { version, verdict, route, gist, reviewBy, reviewDue },
      }),
    ),
    // For search engines, which read the visitor's page; a member's page does without.
    structuredData:
      !user && dilemma.status === "answered" && ordered.length > 0
        ? jsonForScript(dilemmaStructuredData(dilemma, ordered))
        : null,
    ownRegion: reader?.slug ?? null,
    reader,
    regions: reader?.source === "membership" ? [] : listRegionNames(db).map(({ slug, name }) => ({ slug, name })),
    withdrawn: shared.withdrawn,
    can,
    discussion,
  };
}

export async function action({ params, request }: ActionFunctionArgs) {
  const { slug } = parseOr404(SlugParamsSchema, params, "Dit dilemma bestaat niet.");
  const { user } = await requireMember(request);
  const { dilemma } = await readableDilemma(request, slug);
  const form = await readForm(request);
  const { intent } = parseOr404(IntentSchema, form, "Deze handeling bestaat niet.");
  const db = getDb();
  if (intent === "hide") {
    const parsed = parseForm(HideSchema, form);
    if (!parsed.ok) return invalid(parsed, { intent });
    if (!isFacilitatorOf(user, dilemma.regionId))
      forbidden("Alleen de leertuinbegeleiders van de regio van dit dilemma kunnen reacties verbergen.");
    // Members read the reason: it always goes through the guard, and hideComment takes only this dilemma's comments.
    const guard = guardTexts({ reason: { label: "Reden voor verbergen", value: parsed.data.reason } }, form);
    if (!guard.ok) return guarded(parsed.values, guard.reports, { intent });
    const result = hideComment(db, {
      actorId: user.id,
      scope: facilitatorScope(user),
      dilemmaId: dilemma.id,
      ...parsed.data,
    });
    if (!result.ok) return failed(result, parsed.values, { intent, field: "reason" });
    return done("De reactie is verborgen. De schrijver krijgt daarvan een melding.", {
      intent,
      values: { commentId: String(parsed.data.commentId) },
    });
  }
  const parsed = parseForm(CommentSchema, form);
  if (!parsed.ok) return invalid(parsed, { intent });
  const guard = guardTexts({ body: { label: "Uw reactie", value: parsed.data.body } }, form);
  if (!guard.ok) return guarded(parsed.values, guard.reports, { intent });
  const result = addComment(db, { authorId: user.id, dilemmaId: dilemma.id, ...parsed.data });
  if (!result.ok) return failed(result, parsed.values, { intent, field: "body" });
  return done("Uw reactie is geplaatst.", { intent, values: { parentId: String(parsed.data.parentId ?? "") } });
}

/** The afwegingshulp prefilled with this dilemma's holder, first asking sector and themes. */
function weighingLink(dilemma: { holderSector: string; asking: string[]; themes: { slug: string }[] }) {
  const params = new URLSearchParams({ sector: dilemma.holderSector });
  if (dilemma.asking[0]) params.set("vrager", dilemma.asking[0]);
  for (const theme of dilemma.themes) params.append("thema", theme.slug);
  return weighingPath(params.toString());
}

function StatusNotice({ dilemma }: { dilemma: ReturnType<typeof useLoaderData<typeof loader>>["dilemma"] }) {
  if (dilemma.status === "answered") return null;
  return (
    <Alert type={dilemma.status === "rejected" ? "warning" : "info"}>
      <strong>{dilemma.statusLabel}.</strong>{" "}
      {dilemma.status === "proposed" &&
        "Dit voorstel wacht op een besluit van de leertuinbegeleider. Alleen leden zien het."}
      {dilemma.status === "on-agenda" &&
        "Dit dilemma staat op de agenda van de leertuin. Alleen leden zien het tot er een afspraak is."}
      {dilemma.status === "rejected" && <>Reden: {dilemma.statusReason}</>}
      {dilemma.status === "merged" && dilemma.mergedIntoSlug && (
        <>
          Het is samengevoegd met{" "}
          <Link className="utrecht-link" to={dilemmaPath(dilemma.mergedIntoSlug)}>
            {dilemma.mergedIntoTitle}
          </Link>
          . Reden: {dilemma.statusReason}
        </>
      )}
    </Alert>
  );
}

export default function DilemmaPage() {
  const { dilemma, answers, structuredData, ownRegion, reader, regions, withdrawn, can, discussion } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const nonce = useNonce();
  return (
    <div className="page-width">
      {structuredData && (
        <script type="application/ld+json" nonce={nonce} dangerouslySetInnerHTML={{ __html: structuredData }} />
      )}
      <Breadcrumbs
        trail={[
          { to: "/", label: "Home" },
          { to: "/dilemmas", label: "Dilemma's" },
        ]}
        current={dilemma.title}
      />
      {searchParams.has("voorgesteld") && (
        <Alert type="ok">
          Uw voorstel is ingediend. De leertuinbegeleider van uw regio beslist erover; u krijgt een melding.
        </Alert>
      )}
      <Heading level={1}>{dilemma.title}</Heading>
      <p className="lead-question">{dilemma.question}</p>
      <Direction holder={dilemma.holderSector} asking={dilemma.asking} />
      <Paragraph>
        <TextLink to={weighingLink(dilemma)}>Afwegen voor mijn situatie</TextLink>
      </Paragraph>
      <StatusNotice dilemma={dilemma} />

      {answers.length > 0 && (
        <VerdictSummary
          rows={answers.map((a) => ({
            regionSlug: a.regionSlug,
            regionName: a.regionName,
            verdict: a.current.verdict,
            route: a.current.route,
            gist: a.current.gist,
            reviewBy: a.current.reviewBy,
            reviewDue: a.current.reviewDue,
            own: a.regionSlug === ownRegion,
          }))}
        />
      )}
      {(answers.length > 1 || reader?.source === "cookie") && (
        <ReaderRegionForm regions={regions} current={reader} returnTo={dilemmaPath(dilemma.slug)} />
      )}

      <dl className="answer__facts dilemma-facts">
        {dilemma.purpose && (
          <>
            <dt>Doel van de vraag</dt>
            <dd>{dilemma.purpose}</dd>
          </>
        )}
        <dt>Ingebracht in</dt>
        <dd>
          <Link className="utrecht-link" to={regionPath(dilemma.regionSlug)}>
            Leertuin {dilemma.regionName}
          </Link>
          , {formatDate(dilemma.raisedOn)}
        </dd>
        <dt>Thema's</dt>
        <dd>
          {dilemma.themes.map((t) => (
            <Link key={t.slug} to={dilemmasPath({ thema: t.slug })} className="utrecht-link">
              <Tag>{t.label}</Tag>
            </Link>
          ))}
        </dd>
      </dl>

      <Heading level={2}>De situatie</Heading>
      <RichText html={dilemma.situationHtml} />
      {dilemma.terms.length > 0 && (
        <p className="quiet-note glossary-links">
          Begrippen in dit dilemma:{" "}
          {dilemma.terms.map((t, i) => (
            <span key={t.slug}>
              {i > 0 && ", "}
              <Link className="utrecht-link" to={termPath(t.slug)}>
                {t.term}
              </Link>
            </span>
          ))}
        </p>
      )}

      <Heading level={2}>Afspraken van de regio's</Heading>
      {can.answerRegions.length > 0 && (
        <div className="button-row">
          {can.answerRegions.map((r) => (
            <ButtonLink key={r.slug} to={editAnswerPath(dilemma.slug, r.slug)}>
              {answers.some((a) => a.regionSlug === r.slug) ? "Afspraak herzien" : "Afspraak schrijven"} voor {r.name}
            </ButtonLink>
          ))}
        </div>
      )}
      {answers.length === 0 ? (
        <Paragraph>
          {withdrawn.length > 0
            ? "Er geldt nu geen afspraak van een regio over dit dilemma."
            : "Er is nog geen regio die over dit dilemma een afspraak heeft gepubliceerd."}
        </Paragraph>
      ) : (
        <>
          <Paragraph>
            {answers.length === 1
              ? "Eén regio heeft hierover een afspraak gemaakt."
              : `${answers.length} regio's hebben hierover een afspraak gemaakt.`}
          </Paragraph>
          {answers.length > 1 && (
            <Paragraph>
              <Link className="utrecht-link" to={compareDilemmaPath(dilemma.slug)}>
                Vergelijk twee afspraken naast elkaar
              </Link>
            </Paragraph>
          )}
          {answers.map((a) => {
            const adoptInto = can.answerRegions.filter((r) => r.slug !== a.regionSlug);
            const suggestFor = can.memberRegions.filter((slug) => slug !== a.regionSlug);
            const adoptHref = adoptPath(dilemma.slug, a.regionSlug, a.current.version);
            return (
              <AnswerCard
                key={a.regionSlug}
                regionSlug={a.regionSlug}
                regionName={a.regionName}
                verdict={a.current.verdict}
                reviewDue={a.current.reviewDue}
                bodyHtml={a.bodyHtml}
                own={a.regionSlug === ownRegion}
                actions={
                  adoptInto.length > 0 ? (
                    <ButtonLink to={adoptHref}>
                      Overnemen voor {adoptInto.map((r) => r.name).join(" of ")}
                      <span className="visually-hidden"> (afspraak {a.regionName})</span>
                    </ButtonLink>
                  ) : suggestFor.length > 0 ? (
                    <ButtonLink to={adoptHref}>
                      Voorstellen om over te nemen<span className="visually-hidden"> (afspraak {a.regionName})</span>
                    </ButtonLink>
                  ) : null
                }
              />
            );
          })}
        </>
      )}
      {withdrawn.map((w) => (
        <WithdrawnAnswerNotice key={w.regionSlug} {...w} />
      ))}

      {discussion && (
        <Discussion
          action={`${dilemmaPath(dilemma.slug)}?index`}
          comments={discussion}
          moderator={can.moderator}
          result={result}
        />
      )}
    </div>
  );
}

/**
 * Every reader gets this page without JavaScript, members too: it is read, and its forms (the
 * discussion, hiding a comment) are plain forms whose repeated submit the server takes as one.
 */
export const handle: ScriptsHandle = { scripts: false };
