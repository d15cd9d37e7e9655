import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";

import { isFacilitatorOf, isMember, requireRegionBySlug } from "~/auth/permissions.server";
import { getUser } from "~/auth/session.server";
import { VerdictBadge } from "~/components/badges";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { Link } from "~/components/link";
import { ButtonLink } from "~/components/links";
import { Pagination } from "~/components/pagination";
import { Heading, Paragraph, RichText } from "~/components/text";
import { DILEMMA_STATUS_LABELS, SECTOR_LABELS, SECTORS, type UnverifiedPoint } from "~/domain/vocabulary";
import { feedLink } from "~/feeds/feed-links";
import { listFacilitators, listOrganisations } from "~/models/region.server";
import { countRegionAnswers, listRegionAdoptions, listRegionAnswerPage } from "~/models/region-answers.server";
import { unverifiedByVersion } from "~/models/unverified.server";
import { formatDate, todayIso } from "~/utils/dates";
import { getDb } from "~/utils/db.server";
import { notFound, parseOr404, searchParamsObject } from "~/utils/http.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { pageMeta } from "~/utils/meta";
import { paginate } from "~/utils/paginate";
import { optionalParam, PageSchema, SlugParamsSchema } from "~/utils/params";
import {
  agendaPath,
  dilemmaPath,
  feedPagePath,
  regionAnswersCsvPath,
  regionAnswersExcelPath,
  regionAnswersJsonPath,
  regionFeedPath,
  regionPath,
  rulebookPath,
} from "~/utils/paths";
import { listRegionProposals } from "~/workflow/proposals.server";

const PAGE_SIZE = 25;
/** `?herziening=1`: only the answers due for review; `?pagina=`: the page of the list of answers. */
const SearchSchema = z.object({ herziening: optionalParam(z.literal("1")), pagina: PageSchema });

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        ...pageMeta(`Leertuin ${data.region.name}`),
        feedLink(regionFeedPath(data.region.slug), `Afspraken van Leertuin ${data.region.name}`),
      ]
    : pageMeta("Regio niet gevonden");

export async function loader({ params, request }: LoaderFunctionArgs) {
  const { slug } = parseOr404(SlugParamsSchema, params, "Deze regio bestaat niet.");
  const search = parseOr404(
    SearchSchema,
    searchParamsObject(request.url),
    "Deze pagina bestaat niet: de link klopt niet.",
  );
  const db = getDb();
  const region = requireRegionBySlug(db, slug);
  const user = await getUser(request);
  const organisations = listOrganisations(db, region.id);
  const today = todayIso();
  const counts = countRegionAnswers(db, region.id, today);
  const dueOnly = search.herziening === "1";
  const listed = dueOnly ? counts.due : counts.total;
  const page = paginate(search.pagina, PAGE_SIZE);
  if (page.isPastEnd(listed)) notFound("Deze pagina van de lijst bestaat niet.");
  const pageCount = page.pageCount(listed);
  const answers = listRegionAnswerPage(db, region.id, {
    dueBefore: dueOnly ? today : undefined,
    offset: page.offset,
    limit: page.limit,
    total: listed,
  });
  const runsAgenda = user !== null && isFacilitatorOf(user, region.id);
  // The region's own facilitators see which points of an answer are still to be checked against the law.
  const unverified = runsAgenda
    ? unverifiedByVersion(
        db,
        answers.map((a) => a.versionId),
      )
    : new Map<number, UnverifiedPoint[]>();
  return {
    region: {
      slug: region.slug,
      name: region.name,
      province: region.province,
      since: region.since,
      descriptionHtml: renderMarkdown(region.descriptionMd),
    },
    facilitators: listFacilitators(db, region.id),
    runsAgenda,
    // Members see what the region's learning garden is working on; visitors only its outcomes.
    agenda: isMember(user)
      ? listRegionProposals(db, region.id).map((p) => ({
          slug: p.slug,
          title: p.title,
          status: DILEMMA_STATUS_LABELS[p.status],
        }))
      : null,
    sectors: SECTORS.map((sector) => ({
      sector,
      names: organisations.filter((o) => o.sector === sector).map((o) => o.name),
    })).filter((group) => group.names.length > 0),
    organisationCount: organisations.length,
    answerCount: counts.total,
    dueCount: counts.due,
    dueOnly,
    listed,
    page: search.pagina,
    pageCount,
    answers: answers.map((a) => ({
      dilemmaSlug: a.dilemmaSlug,
      dilemmaTitle: a.dilemmaTitle,
      verdict: a.verdict,
      version: a.version,
      agreedOn: a.agreedOn,
      reviewBy: a.reviewBy,
      reviewDue: a.reviewBy !== null && a.reviewBy < today,
      unverified: unverified.get(a.versionId) ?? [],
    })),
    ...listRegionAdoptions(db, region.id),
  };
}

export default function RegionPage() {
  const {
    region,
    facilitators,
    sectors,
    organisationCount,
    answerCount,
    dueCount,
    dueOnly,
    listed,
    page,
    pageCount,
    answers,
    tookOver,
    givenAway,
    runsAgenda,
    agenda,
  } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  return (
    <div className="page-width">
      <Breadcrumbs
        trail={[
          { to: "/", label: "Home" },
          { to: "/regios", label: "Regio's" },
        ]}
        current={region.name}
      />
      <Heading level={1}>Leertuin {region.name}</Heading>
      <Paragraph lead>
        Provincie {region.province}, leertuin sinds {formatDate(region.since)}. {answerCount} afspraken,{" "}
        {organisationCount} deelnemende organisaties.
      </Paragraph>
      <RichText html={region.descriptionHtml} />
      {agenda && (
        <section aria-labelledby="agenda-titel">
          <Heading level={2} id="agenda-titel">
            Op de agenda
          </Heading>
          {agenda.length === 0 ? (
            <Paragraph>Er liggen geen voorstellen en er staat niets op de agenda.</Paragraph>
          ) : (
            <ul className="plain-list">
              {agenda.map((item) => (
                <li key={item.slug}>
                  <Link className="utrecht-link" to={dilemmaPath(item.slug)}>
                    {item.title}
                  </Link>{" "}
                  — {item.status.toLowerCase()}
                </li>
              ))}
            </ul>
          )}
          {runsAgenda && (
            <p className="utrecht-paragraph">
              <ButtonLink to={agendaPath(region.slug)}>Agenda beheren</ButtonLink>
            </p>
          )}
        </section>
      )}

      <section aria-labelledby="afspraken-titel">
        <Heading level={2} id="afspraken-titel">
          Afspraken
        </Heading>
        {dueCount > 0 && (
          <Paragraph>
            <strong>{dueCount === 1 ? "1 afspraak is" : `${dueCount} afspraken zijn`} toe aan herziening</strong> (de
            herzieningsdatum is verstreken).{" "}
            {dueOnly ? (
              <Link className="utrecht-link" to={regionPath(region.slug, { hash: "afspraken-titel" })}>
                Toon alle afspraken
              </Link>
            ) : (
              <Link className="utrecht-link" to={regionPath(region.slug, { herziening: 1, hash: "afspraken-titel" })}>
                Toon alleen {dueCount === 1 ? "deze afspraak" : "deze afspraken"}
              </Link>
            )}
          </Paragraph>
        )}
        <ul className="inline-list">
          <li>
            <Link className="utrecht-link" to={rulebookPath(region.slug)}>
              Alle afspraken als één document (spelregels)
            </Link>
          </li>
          <li>
            <Link className="utrecht-link" to={feedPagePath(regionFeedPath(region.slug))}>
              Volg nieuwe afspraken (feed)
            </Link>
          </li>
          <li>
            <a className="utrecht-link" href={regionAnswersExcelPath(region.slug)}>
              Download alle afspraken voor Excel
            </a>
          </li>
          <li>
            Voor programma's:{" "}
            <a className="utrecht-link" href={regionAnswersCsvPath(region.slug)}>
              CSV
            </a>{" "}
            of{" "}
            <a className="utrecht-link" href={regionAnswersJsonPath(region.slug)}>
              JSON
            </a>
          </li>
        </ul>
        {pageCount > 1 && (
          <Paragraph>
            {listed} afspraken{dueOnly ? " toe aan herziening" : ""}, op titel — pagina {page} van {pageCount}
          </Paragraph>
        )}
        {answers.length === 0 ? (
          <Paragraph>
            {dueOnly
              ? "Geen van de afspraken is toe aan herziening."
              : "Deze regio heeft nog geen afspraken gepubliceerd."}
          </Paragraph>
        ) : (
          <div className="table-wrap" role="region" aria-label={`Afspraken van ${region.name}`} tabIndex={0}>
            <table className="utrecht-table">
              <caption className="visually-hidden">
                Afspraken van {region.name}
                {dueOnly ? " die toe zijn aan herziening" : ""}
                {pageCount > 1 ? `, pagina ${page} van ${pageCount}` : ""}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Dilemma</th>
                  <th scope="col">Oordeel</th>
                  <th scope="col">Versie</th>
                  <th scope="col">Herzien uiterlijk</th>
                  {runsAgenda && <th scope="col">Nog te controleren</th>}
                </tr>
              </thead>
              <tbody>
                {answers.map((a) => (
                  <tr key={a.dilemmaSlug}>
                    <th scope="row">
                      <Link
                        className="utrecht-link"
                        to={dilemmaPath(a.dilemmaSlug, { regio: region.slug, hash: region.slug })}
                      >
                        {a.dilemmaTitle}
                      </Link>
                    </th>
                    <td>
                      <VerdictBadge verdict={a.verdict} />
                    </td>
                    <td>
                      {a.version} ({formatDate(a.agreedOn)})
                    </td>
                    <td>
                      {a.reviewBy ? formatDate(a.reviewBy) : "—"}
                      {a.reviewDue && <strong> — toe aan herziening</strong>}
                    </td>
                    {runsAgenda && (
                      <td>
                        {a.unverified.length === 0 ? (
                          "—"
                        ) : (
                          <ul className="utrecht-unordered-list">
                            {a.unverified.map((u) => (
                              <li key={u.point}>{u.point}</li>
                            ))}
                          </ul>
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={page} pageCount={pageCount} search={searchParams} fragment="afspraken-titel" />
      </section>

      <div className="grid-2">
        <section aria-labelledby="overgenomen-titel">
          <Heading level={2} id="overgenomen-titel">
            Overgenomen van andere regio's
          </Heading>
          {tookOver.length === 0 ? (
            <Paragraph>{region.name} heeft nog geen afspraken van andere regio's overgenomen.</Paragraph>
          ) : (
            <ul>
              {tookOver.map((a) => (
                <li key={a.dilemmaSlug}>
                  <Link className="utrecht-link" to={dilemmaPath(a.dilemmaSlug)}>
                    {a.dilemmaTitle}
                  </Link>{" "}
                  — van {a.from.regionName} (versie {a.from.version})
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="gedeeld-titel">
          <Heading level={2} id="gedeeld-titel">
            Door anderen overgenomen
          </Heading>
          {givenAway.length === 0 ? (
            <Paragraph>Nog geen andere regio heeft een afspraak van {region.name} overgenomen.</Paragraph>
          ) : (
            <ul>
              {givenAway.map((a) => (
                <li key={a.dilemmaSlug}>
                  <Link className="utrecht-link" to={dilemmaPath(a.dilemmaSlug)}>
                    {a.dilemmaTitle}
                  </Link>{" "}
                  — door {a.by.map((r) => r.regionName).join(", ")}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <div className="grid-2">
        <section aria-labelledby="begeleiders-titel">
          <Heading level={2} id="begeleiders-titel">
            Leertuinbegeleiders
          </Heading>
          {facilitators.length === 0 ? (
            <Paragraph>Deze leertuin heeft nog geen begeleider op Leertuin.</Paragraph>
          ) : (
            <ul>
              {facilitators.map((f) => (
                <li key={f.name}>
                  {f.name}
                  {f.profession && `, ${f.profession}`}
                  {f.organisation && ` (${f.organisation})`}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="organisaties-titel">
          <Heading level={2} id="organisaties-titel">
            Deelnemende organisaties
          </Heading>
          {sectors.map((group) => (
            <div key={group.sector}>
              <Heading level={3}>{SECTOR_LABELS[group.sector]}</Heading>
              <ul>
                {group.names.map((name) => (
                  <li key={name}>{name}</li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      </div>
    </div>
  );
}
