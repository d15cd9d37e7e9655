import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { Alert } from "~/components/alert";
import { VerdictBadge } from "~/components/badges";
import { Form } from "~/components/form";
import { Link } from "~/components/link";
import { TextLink } from "~/components/links";
import type { ScriptsHandle } from "~/components/page-scripts";
import { SearchSuggestions } from "~/components/search-suggestions";
import { Heading, Paragraph } from "~/components/text";
import { illustrativeNotice } from "~/content/library-files.server";
import { listRecentOutcomes } from "~/models/answer.server";
import { listRegions } from "~/models/region.server";
import { formatDate } from "~/utils/dates";
import { getDb } from "~/utils/db.server";
import { readNotice } from "~/utils/http.server";
import { pageMeta } from "~/utils/meta";
import { regionPath, versionPath } from "~/utils/paths";

export const meta: MetaFunction = () =>
  pageMeta("Startpagina", "Zoek in dilemma's, regionale afspraken en beroepscodes over gegevens delen rond gezinnen.");

/** Messages another page sends people here with (`/?melding=…`), e.g. after deleting an account. */
const NOTICES = {
  "account-verwijderd":
    'Uw account is verwijderd en u bent uitgelogd. Wat u in discussies schreef, staat er nog onder de naam "voormalig lid".',
} as const;

export function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  return {
    notice: readNotice(request, NOTICES),
    outcomes: listRecentOutcomes(db, 6),
    regions: listRegions(db),
    illustrative: illustrativeNotice(),
  };
}

export default function Home() {
  const { notice, outcomes, regions, illustrative } = useLoaderData<typeof loader>();
  return (
    <div className="page-width">
      {notice && <Alert type="ok">{notice}</Alert>}
      <section className="hero" aria-labelledby="zoek-titel">
        <Heading level={1} id="zoek-titel">
          Mag ik dit delen?
        </Heading>
        <Paragraph lead>
          Zoek in dilemma's uit de praktijk, de afspraken die regio's erover maakten en de beroepscodes en wetten
          erachter. Onbekende woorden staan in de <TextLink to="/begrippen">begrippenlijst</TextLink>.
        </Paragraph>
        {illustrative && <p className="quiet-note">{illustrative}</p>}
        <Form method="get" action="/zoeken" role="search" className="search-form">
          <div className="utrecht-form-field">
            <label className="utrecht-form-label" htmlFor="q">
              Zoek een dilemma, afspraak of artikel
            </label>
            <SearchSuggestions
              id="q"
              name="q"
              maxLength={200}
              placeholder="bijvoorbeeld: school informeren over thuissituatie"
            />
          </div>
          <button className="utrecht-button utrecht-button--primary-action" type="submit">
            Zoeken
          </button>
        </Form>
        <Paragraph>
          Of beantwoord zes vragen over uw situatie: <TextLink to="/afwegen">Stap voor stap afwegen</TextLink>
        </Paragraph>
      </section>

      <div className="grid-2">
        <section aria-labelledby="recent-titel">
          <Heading level={2} id="recent-titel">
            Recente afspraken
          </Heading>
          {outcomes.length === 0 ? (
            <Paragraph>Er zijn nog geen afspraken gepubliceerd.</Paragraph>
          ) : (
            <ul className="card-list">
              {outcomes.map((o) => (
                <li key={`${o.dilemmaSlug}-${o.regionSlug}`} className="card">
                  <Link className="utrecht-link" to={versionPath(o.dilemmaSlug, o.regionSlug, o.version)}>
                    {o.dilemmaTitle}
                  </Link>
                  <p className="card__meta">
                    <VerdictBadge verdict={o.verdict} />
                    <span>{o.regionName}</span>
                    <span>
                      versie {o.version}, {formatDate(o.publishedAt)}
                    </span>
                  </p>
                </li>
              ))}
            </ul>
          )}
          <Paragraph>
            <TextLink to="/dilemmas">Alle dilemma's</TextLink>
          </Paragraph>
        </section>

        <section aria-labelledby="regios-titel">
          <Heading level={2} id="regios-titel">
            Regio's
          </Heading>
          <ul className="card-list">
            {regions.map((r) => (
              <li key={r.slug} className="card">
                <Link className="utrecht-link" to={regionPath(r.slug)}>
                  Leertuin {r.name}
                </Link>
                <p className="card__meta">
                  <span>sinds {formatDate(r.since)}</span>
                  <span>{r.answerCount} afspraken</span>
                  <span>{r.organisationCount} organisaties</span>
                </p>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}

/** Read as HTML: the search field enhances itself with a small inline script (no React). */
export const handle: ScriptsHandle = { scripts: false };
