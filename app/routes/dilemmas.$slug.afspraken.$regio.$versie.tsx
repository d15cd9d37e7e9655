import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";

import { isFacilitatorOf } from "~/auth/permissions.server";
import { getPublicVersionText, versionChanges } from "~/compare/version-changes.server";
import { Alert } from "~/components/alert";
import { AnswerCard } from "~/components/answer-card";
import { answerCardBodyHtml } from "~/components/answer-card-html.server";
import { Breadcrumbs, dilemmaTrail } from "~/components/breadcrumbs";
import { TextLink } from "~/components/links";
import { Heading } from "~/components/text";
import { VersionChangesView } from "~/components/version-changes";
import { withdrawalMessage } from "~/components/withdrawn-answer";
import { getAnswersForDilemma } from "~/models/answer.server";
import { toVersionView } from "~/models/answer-view.server";
import { listWithdrawnAnswers } from "~/models/withdrawn-answer.server";
import compareStyles from "~/styles/compare.css";
import { todayIso } from "~/utils/dates";
import { type Db, getDb } from "~/utils/db.server";
import { notFound, parseOr404 } from "~/utils/http.server";
import { pageMeta } from "~/utils/meta";
import { VersionParamsSchema } from "~/utils/params";
import { versionPath } from "~/utils/paths";
import { readableDilemma } from "~/workflow/dilemma-access.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: compareStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? pageMeta(`Afspraak ${data.regionName}, versie ${data.answer.version}: ${data.dilemma.title}`)
    : pageMeta("Afspraak niet gevonden");

/** A withdrawn answer's versions stay out of reach (404), but the reader learns why. */
function withdrawnVersionMessage(db: Db, dilemmaId: number, regionSlug: string, version: number) {
  const withdrawal = listWithdrawnAnswers(db, dilemmaId).find(
    (w) => w.regionSlug === regionSlug && version <= w.lastVersion,
  );
  return withdrawal && withdrawalMessage(withdrawal);
}

export async function loader({ params, request }: LoaderFunctionArgs) {
  const { slug, regio, versie } = parseOr404(VersionParamsSchema, params, "Deze afspraak bestaat niet.");
  const db = getDb();
  const { dilemma, user } = await readableDilemma(request, slug);
  const answer = getAnswersForDilemma(db, dilemma.id).find((a) => a.regionSlug === regio);
  const version = answer?.versions.find((v) => v.version === versie);
  if (!answer || !version)
    notFound(withdrawnVersionMessage(db, dilemma.id, regio, versie) ?? "Deze versie van de afspraak bestaat niet.");
  const current = answer.versions[0]!;
  // A revision is compared with the version before it; an adopted version with the one it came from.
  const previous = answer.versions.find((v) => v.version === versie - 1);
  const source = version.adoptedFrom ? getPublicVersionText(db, version.adoptedFrom.versionId) : undefined;
  const changes = source
    ? { kind: "adopted" as const, ...versionChanges(source, version) }
    : version.adoptedFrom
      ? { kind: "source-withdrawn" as const }
      : previous
        ? { kind: "revised" as const, ...versionChanges(previous, version) }
        : null;
  const view = toVersionView(version, todayIso(), {
    showUnverified: user !== null && isFacilitatorOf(user, answer.regionId),
  });
  return {
    changes,
    dilemma: { slug: dilemma.slug, title: dilemma.title, question: dilemma.question },
    regionSlug: answer.regionSlug,
    regionName: answer.regionName,
    answer: { version: view.version, verdict: view.verdict, reviewDue: view.reviewDue, adoptedFrom: view.adoptedFrom },
    bodyHtml: answerCardBodyHtml({
      dilemmaSlug: dilemma.slug,
      regionSlug: answer.regionSlug,
      regionName: answer.regionName,
      answer: view,
      headingLevel: 2,
      earlier: answer.versions
        .filter((v) => v.version !== versie)
        .map((v) => ({ version: v.version, agreedOn: v.agreedOn })),
      isCurrent: versie === current.version,
    }),
    currentVersion: current.version,
  };
}

export default function AnswerVersionPage() {
  const { dilemma, regionSlug, regionName, answer, bodyHtml, currentVersion, changes } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const isCurrent = answer.version === currentVersion;
  return (
    <div className="page-width">
      <Breadcrumbs trail={dilemmaTrail(dilemma)} current={`${regionName}, versie ${answer.version}`} />
      {searchParams.has("gepubliceerd") && (
        <Alert type="ok">De afspraak is gepubliceerd als versie {answer.version}.</Alert>
      )}
      <Heading level={1}>{dilemma.title}</Heading>
      <p className="lead-question">{dilemma.question}</p>
      {!isCurrent && (
        <Alert type="warning">
          Dit is een eerdere versie van de afspraak van {regionName}.{" "}
          <TextLink to={versionPath(dilemma.slug, regionSlug, currentVersion)}>
            Lees de geldende versie {currentVersion}
          </TextLink>
          .
        </Alert>
      )}
      <AnswerCard
        regionSlug={regionSlug}
        regionName={regionName}
        verdict={answer.verdict}
        reviewDue={answer.reviewDue}
        bodyHtml={bodyHtml}
        headingLevel={2}
      />
      {changes?.kind === "adopted" && answer.adoptedFrom && (
        <VersionChangesView
          title={`Wat ${regionName} veranderde aan de afspraak van ${answer.adoptedFrom.regionName}`}
          beforeLabel={`${answer.adoptedFrom.regionName} (versie ${answer.adoptedFrom.version})`}
          afterLabel={`${regionName} (versie ${answer.version})`}
          changes={changes}
        />
      )}
      {changes?.kind === "source-withdrawn" && answer.adoptedFrom && (
        <Alert type="info">
          De afspraak waarvan deze is overgenomen, is ingetrokken door {answer.adoptedFrom.regionName}. Daarom tonen we
          niet meer wat er ten opzichte van die afspraak veranderde.
        </Alert>
      )}
      {changes?.kind === "revised" && (
        <VersionChangesView
          title={`Wat veranderde ten opzichte van versie ${answer.version - 1}`}
          beforeLabel={`versie ${answer.version - 1}`}
          afterLabel={`versie ${answer.version}`}
          changes={changes}
        />
      )}
    </div>
  );
}
