import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { isFacilitatorOf } from "~/auth/permissions.server";
import { getUser } from "~/auth/session.server";
import { formatShare } from "~/compare/agreement";
import { RegionListSchema } from "~/compare/params";
import { searchParamsWithRegions } from "~/compare/params.server";
import { compareAnswers } from "~/compare/side-by-side.server";
import { VerdictBadge } from "~/components/badges";
import { Breadcrumbs, dilemmaTrail } from "~/components/breadcrumbs";
import { DiffText } from "~/components/diff-text";
import { FilterSelect } from "~/components/filter-select";
import { Form } from "~/components/form";
import { Link } from "~/components/link";
import { ButtonLink } from "~/components/links";
import { Heading, Paragraph } from "~/components/text";
import { redirectIfMerged } from "~/content/library-files.server";
import { ROUTE_LABELS } from "~/domain/vocabulary";
import { getAnswersForDilemma } from "~/models/answer.server";
import { getPublicDilemma } from "~/models/dilemma.server";
import { getRegionBySlug } from "~/models/region.server";
import compareStyles from "~/styles/compare.css";
import { formatDate } from "~/utils/dates";
import { getDb } from "~/utils/db.server";
import { notFound, parseOr404 } from "~/utils/http.server";
import { pageMeta } from "~/utils/meta";
import { SlugParamsSchema } from "~/utils/params";
import { adoptPath, versionPath } from "~/utils/paths";

const SearchSchema = z.object({ regio: RegionListSchema.max(2) });

export const links: LinksFunction = () => [{ rel: "stylesheet", href: compareStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return pageMeta("Vergelijking niet gevonden");
  const { comparison, dilemma } = data;
  return comparison
    ? pageMeta(`${comparison.left.regionName} en ${comparison.right.regionName} naast elkaar: ${dilemma.title}`)
    : pageMeta(`Afspraken vergelijken: ${dilemma.title}`);
};

export async function loader({ params, request }: LoaderFunctionArgs) {
  const { slug } = parseOr404(SlugParamsSchema, params, "Dit dilemma bestaat niet.");
  redirectIfMerged(request, slug);
  const { regio } = parseOr404(
    SearchSchema,
    searchParamsWithRegions(request.url),
    "Kies twee verschillende regio's om te vergelijken.",
  );
  const db = getDb();
  const dilemma = getPublicDilemma(db, slug);
  if (!dilemma) notFound("Dit dilemma bestaat niet, of is nog niet beantwoord.");
  const answers = getAnswersForDilemma(db, dilemma.id);
  const chosen = regio.map((regionSlug) => {
    const answer = answers.find((a) => a.regionSlug === regionSlug);
    if (!answer) notFound("Deze regio heeft over dit dilemma geen afspraak.");
    return answer;
  });
  const base = {
    dilemma: { slug: dilemma.slug, title: dilemma.title, question: dilemma.question },
    regions: answers.map((a) => ({ value: a.regionSlug, label: a.regionName })),
    chosen: regio,
  };
  if (chosen.length < 2) return { ...base, comparison: null, adoptLinks: [], error: null };
  if (regio[0] === regio[1]) {
    return data(
      { ...base, comparison: null, adoptLinks: [], error: "Kies twee verschillende regio's." },
      { status: 400 },
    );
  }

  const [left, right] = chosen as [(typeof chosen)[number], (typeof chosen)[number]];
  const comparison = compareAnswers(left, right);
  // "Overnemen voor X": only for a facilitator of X, for the other region's version in force.
  const user = await getUser(request);
  const adoptLinks = user
    ? [
        { target: comparison.left, source: comparison.right },
        { target: comparison.right, source: comparison.left },
      ]
        .filter(({ target }) => isFacilitatorOf(user, getRegionBySlug(db, target.regionSlug)!.id))
        .map(({ target, source }) => ({
          sourceSlug: source.regionSlug,
          targetName: target.regionName,
          alreadyAdopted: target.adoptedFrom?.versionId === source.versionId,
          href: adoptPath(dilemma.slug, source.regionSlug, source.version),
        }))
    : [];
  return { ...base, comparison, adoptLinks, error: null };
}

function SameOrNot({ same }: { same: boolean }) {
  return same ? <span className="compare-same">Gelijk</span> : <strong className="compare-differs">Verschilt</strong>;
}

/** What two answers share and what each has alone: conditions, or cited articles. */
function ListComparison<T>({
  id,
  heading,
  noneShared,
  names,
  lists,
  render,
}: {
  id: string;
  heading: string;
  noneShared: string;
  names: [string, string];
  lists: { both: T[]; onlyLeft: T[]; onlyRight: T[] };
  render: (item: T) => { key: string; content: React.ReactNode };
}) {
  const columns = [
    { title: "In beide", items: lists.both, empty: noneShared },
    { title: `Alleen ${names[0]}`, items: lists.onlyLeft, empty: "Geen." },
    { title: `Alleen ${names[1]}`, items: lists.onlyRight, empty: "Geen." },
  ];
  return (
    <section aria-labelledby={`${id}-titel`} className="compare-section">
      <Heading level={2} id={`${id}-titel`}>
        {heading}
      </Heading>
      <div className="compare-columns">
        {columns.map((column) => (
          <div key={column.title}>
            <Heading level={3}>{column.title}</Heading>
            {column.items.length === 0 ? (
              <Paragraph small>{column.empty}</Paragraph>
            ) : (
              <ul className="utrecht-unordered-list">
                {column.items.map(render).map((item) => (
                  <li key={item.key}>{item.content}</li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </div>
    </section>
  );
}

export default function CompareAnswersPage() {
  const { dilemma, regions, chosen, comparison, adoptLinks, error } = useLoaderData<typeof loader>();
  const trail = dilemmaTrail(dilemma);
  if (!comparison) {
    return (
      <div className="page-width">
        <Breadcrumbs trail={trail} current="Vergelijken" />
        <Heading level={1}>Afspraken vergelijken</Heading>
        <p className="lead-question">{dilemma.question}</p>
        {regions.length < 2 ? (
          <Paragraph>
            Over dit dilemma heeft maar één regio een afspraak gemaakt; er is nog niets om naast elkaar te leggen.
          </Paragraph>
        ) : (
          <Form
            method="get"
            className="filters"
            aria-label="Kies twee regio's"
            aria-describedby={error ? "keuze-fout" : undefined}
          >
            {error && (
              <p className="utrecht-form-field-error-message compare-choice-error" id="keuze-fout" role="alert">
                {error}
              </p>
            )}
            <FilterSelect
              name="regio"
              id="regio-1"
              label="Eerste regio"
              options={regions}
              value={chosen[0]}
              emptyLabel="Kies…"
            />
            <FilterSelect
              name="regio"
              id="regio-2"
              label="Tweede regio"
              options={regions}
              value={chosen[1]}
              emptyLabel="Kies…"
            />
            <div className="filters__actions">
              <button className="utrecht-button utrecht-button--primary-action" type="submit">
                Naast elkaar zetten
              </button>
            </div>
          </Form>
        )}
      </div>
    );
  }

  const { left, right } = comparison;
  const sides = [left, right] as const;
  return (
    <div className="page-width">
      <Breadcrumbs trail={trail} current={`${left.regionName} en ${right.regionName}`} />
      <Heading level={1}>
        {left.regionName} en {right.regionName} naast elkaar
      </Heading>
      <p className="lead-question">{dilemma.question}</p>
      <Paragraph>
        De geldende afspraken van beide regio's. In de teksten zijn de woorden gemarkeerd die alleen in die regio's
        afspraak staan (<mark className="diff-text__only">zo</mark>).
      </Paragraph>

      <div className="table-wrap" role="region" aria-labelledby="feiten-titel" tabIndex={0}>
        <table className="utrecht-table compare-facts">
          <caption id="feiten-titel">Oordeel, route en versie</caption>
          <thead>
            <tr>
              <td />
              {sides.map((s) => (
                <th key={s.regionSlug} scope="col">
                  {s.regionName}
                </th>
              ))}
              <th scope="col">Vergelijking</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Oordeel</th>
              {sides.map((s) => (
                <td key={s.regionSlug}>
                  <VerdictBadge verdict={s.verdict} />
                </td>
              ))}
              <td>
                <SameOrNot same={comparison.sameVerdict} />
              </td>
            </tr>
            <tr>
              <th scope="row">Route</th>
              {sides.map((s) => (
                <td key={s.regionSlug}>{ROUTE_LABELS[s.route]}</td>
              ))}
              <td>
                <SameOrNot same={comparison.sameRoute} />
              </td>
            </tr>
            <tr>
              <th scope="row">Versie</th>
              {sides.map((s) => (
                <td key={s.regionSlug}>
                  <Link className="utrecht-link" to={versionPath(dilemma.slug, s.regionSlug, s.version)}>
                    Versie {s.version}
                  </Link>
                  , afgesproken op {formatDate(s.agreedOn)}
                  {s.reviewBy && (
                    <>
                      <br />
                      Herzien uiterlijk {formatDate(s.reviewBy)}
                      {s.reviewDue && <strong> — toe aan herziening</strong>}
                    </>
                  )}
                </td>
              ))}
              <td />
            </tr>
            <tr>
              <th scope="row">Overgenomen van</th>
              {sides.map((s) => (
                <td key={s.regionSlug}>
                  {s.adoptedFrom ? `${s.adoptedFrom.regionName} (versie ${s.adoptedFrom.version})` : "—"}
                </td>
              ))}
              <td />
            </tr>
          </tbody>
        </table>
      </div>

      {adoptLinks.length > 0 && (
        <div className="compare-adopt">
          {adoptLinks.map((link) =>
            link.alreadyAdopted ? (
              <Paragraph key={link.href}>{link.targetName} heeft deze afspraak al overgenomen.</Paragraph>
            ) : (
              <ButtonLink key={link.href} to={link.href} appearance="primary">
                Overnemen voor {link.targetName}
              </ButtonLink>
            ),
          )}
        </div>
      )}

      {comparison.sections.map((section) => (
        <section key={section.key} aria-labelledby={`sectie-${section.key}`} className="compare-section">
          <Heading level={2} id={`sectie-${section.key}`}>
            {section.heading}
          </Heading>
          <Paragraph small>
            {section.similarity === 1
              ? "De teksten zijn gelijk."
              : `${formatShare(section.similarity)} van de woorden komt in beide teksten voor.`}
          </Paragraph>
          <div className="compare-columns">
            <div>
              <Heading level={3}>{left.regionName}</Heading>
              <DiffText segments={section.left} regionName={left.regionName} />
            </div>
            <div>
              <Heading level={3}>{right.regionName}</Heading>
              <DiffText segments={section.right} regionName={right.regionName} />
            </div>
          </div>
        </section>
      ))}

      <ListComparison
        id="voorwaarden"
        heading="Voorwaarden"
        noneShared="Geen gedeelde voorwaarden."
        names={[left.regionName, right.regionName]}
        lists={comparison.conditions}
        render={(condition) => ({ key: condition, content: condition })}
      />
      <ListComparison
        id="bronnen"
        heading="Wettelijke grondslag en beroepscodes"
        noneShared="Geen gedeelde bronnen."
        names={[left.regionName, right.regionName]}
        lists={comparison.citations}
        render={(c) => ({
          key: c.key,
          content: (
            <Link className="utrecht-link" to={c.href}>
              {c.label}
            </Link>
          ),
        })}
      />
    </div>
  );
}
