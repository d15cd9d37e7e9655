import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { AnswerCard } from "~/components/answer-card";
import { Tag } from "~/components/badges";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { Heading, Paragraph, RichText } from "~/components/text";
import { SECTOR_LABELS } from "~/domain/vocabulary";
import { getAnswersForDilemma } from "~/models/answer.server";
import { toAnswerView } from "~/models/answer-view.server";
import { getPublicDilemma } from "~/models/dilemma.server";
import { getDb } from "~/utils/db.server";
import { formatDate } from "~/utils/dates";
import { notFound, parseOr404, searchParamsObject } from "~/utils/http.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { pageMeta } from "~/utils/meta";
import { optionalParam, SlugParam } from "~/utils/params";

const ParamsSchema = z.object({ slug: SlugParam });
const SearchSchema = z.object({ regio: optionalParam(SlugParam) });

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? pageMeta(data.dilemma.title, data.dilemma.question) : pageMeta("Dilemma niet gevonden");

export function loader({ params, request }: LoaderFunctionArgs) {
  const { slug } = parseOr404(ParamsSchema, params, "Dit dilemma bestaat niet.");
  const { regio } = parseOr404(SearchSchema, searchParamsObject(request.url));
  const db = getDb();
  const dilemma = getPublicDilemma(db, slug);
  if (!dilemma) notFound("Dit dilemma bestaat niet, of is nog niet beantwoord.");
  const answers = getAnswersForDilemma(db, dilemma.id).map(toAnswerView);
  // The reader's own region first, when it is known.
  if (regio) answers.sort((a, b) => Number(b.regionSlug === regio) - Number(a.regionSlug === regio));
  const { situationMd, ...rest } = dilemma;
  return { dilemma: { ...rest, situationHtml: renderMarkdown(situationMd) }, answers };
}

export default function DilemmaPage() {
  const { dilemma, answers } = useLoaderData<typeof loader>();
  return (
    <div className="page-width">
      <Breadcrumbs trail={[{ to: "/", label: "Start" }, { to: "/dilemmas", label: "Dilemma's" }]} current={dilemma.title} />
      <Heading level={1}>{dilemma.title}</Heading>
      <p className="lead-question">{dilemma.question}</p>

      <dl className="answer__facts">
        <dt>Informatie ligt bij</dt>
        <dd>{SECTOR_LABELS[dilemma.holderSector]}</dd>
        <dt>Gevraagd door</dt>
        <dd>{dilemma.asking.map((s) => SECTOR_LABELS[s]).join(", ")}</dd>
        {dilemma.purpose && (
          <>
            <dt>Doel van de vraag</dt>
            <dd>{dilemma.purpose}</dd>
          </>
        )}
        <dt>Ingebracht in</dt>
        <dd>
          <Link className="utrecht-link" to={`/regios/${dilemma.regionSlug}`}>
            Leertuin {dilemma.regionName}
          </Link>
          , {formatDate(dilemma.raisedOn)}
        </dd>
        <dt>Thema's</dt>
        <dd>
          {dilemma.themes.map((t) => (
            <Link key={t.slug} to={`/dilemmas?thema=${t.slug}`} className="utrecht-link">
              <Tag>{t.label}</Tag>
            </Link>
          ))}
        </dd>
      </dl>

      <Heading level={2}>De situatie</Heading>
      <RichText html={dilemma.situationHtml} />

      <Heading level={2}>Afspraken van de regio's</Heading>
      {answers.length === 0 ? (
        <Paragraph>Er is nog geen regio die over dit dilemma een afspraak heeft gepubliceerd.</Paragraph>
      ) : (
        <>
          <Paragraph>
            {answers.length === 1
              ? "Eén regio heeft hierover een afspraak gemaakt."
              : `${answers.length} regio's hebben hierover een afspraak gemaakt.`}
          </Paragraph>
          {answers.length > 1 && (
            <Paragraph>
              <Link className="utrecht-link" to={`/dilemmas/${dilemma.slug}/vergelijk`}>
                Vergelijk twee afspraken naast elkaar
              </Link>
            </Paragraph>
          )}
          {answers.map((a) => (
            <AnswerCard
              key={a.regionSlug}
              dilemmaSlug={dilemma.slug}
              regionSlug={a.regionSlug}
              regionName={a.regionName}
              answer={a.current}
              earlier={a.earlier}
            />
          ))}
        </>
      )}
    </div>
  );
}
