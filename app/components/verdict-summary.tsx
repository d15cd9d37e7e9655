import { ROUTE_SHORT, verdictInContext } from "~/domain/answer-wording";
import type { Route, Verdict } from "~/domain/vocabulary";
import { formatDate } from "~/utils/dates";
import { OwnRegionTag, VerdictBadge } from "./badges";

export interface SummaryRow {
  regionSlug: string;
  regionName: string;
  verdict: Verdict;
  route: Route;
  gist: string;
  reviewBy: string | null;
  reviewDue: boolean;
  own: boolean;
}

/**
 * Answer first: one row per region that answered (the reader's own region first), with its verdict,
 * what the route means, the gist of its Afspraak and whether it is due for review; each links to its card.
 */
export function VerdictSummary({ rows }: { rows: SummaryRow[] }) {
  return (
    <section className="verdict-summary" aria-labelledby="oordelen-titel">
      <h2 className="utrecht-heading-2 verdict-summary__title" id="oordelen-titel">
        {rows.length === 1 ? "Het oordeel" : `De oordelen van ${rows.length} regio's`}
      </h2>
      <ul className="verdict-summary__list">
        {rows.map((row) => (
          <li key={row.regionSlug} className={`verdict-row${row.own ? " verdict-row--own" : ""}`}>
            <div className="verdict-row__head">
              <a className="utrecht-link verdict-row__region" href={`#${row.regionSlug}`}>
                {row.regionName}
                <span className="visually-hidden">: lees de hele afspraak</span>
              </a>
              {row.own && <OwnRegionTag />}
              <VerdictBadge verdict={row.verdict} />
            </div>
            <p className="verdict-row__context">
              <strong>{verdictInContext(row.verdict, row.route)}</strong>
              <span className="verdict-row__route"> · Route: {ROUTE_SHORT[row.route]}</span>
              <span className={`verdict-row__review${row.reviewDue ? " verdict-row__review--due" : ""}`}>
                {" · "}
                {row.reviewBy === null
                  ? "geen herziendatum"
                  : row.reviewDue
                    ? `toe aan herziening (sinds ${formatDate(row.reviewBy)})`
                    : `herzien uiterlijk ${formatDate(row.reviewBy)}`}
              </span>
            </p>
            <p className="verdict-row__gist">{row.gist}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
