import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

import { ROUTE_MEANINGS, ROUTE_SHORT, verdictInContext } from "~/domain/answer-wording";
import type { VersionView } from "~/models/answer-view.server";
import { formatDate } from "~/utils/dates";
import { articleChangePath, articlePath, codePath, versionPath } from "~/utils/paths";
import { OwnRegionTag, VerdictBadge } from "./badges";
import { Heading, RichText } from "./text";

/**
 * One region's answer version, answer first: verdict and what its route means, the Afspraak and its
 * conditions, then the weighing (folded), citations and lineage.
 */
export function AnswerCard({
  dilemmaSlug,
  regionSlug,
  regionName,
  answer,
  headingLevel = 3,
  earlier = [],
  isCurrent = true,
  own = false,
  actions,
}: {
  dilemmaSlug: string;
  regionSlug: string;
  regionName: string;
  answer: VersionView;
  headingLevel?: 2 | 3;
  earlier?: { version: number; agreedOn: string }[];
  isCurrent?: boolean;
  /** The reader's own region: marked "Uw regio". */
  own?: boolean;
  /** What the reader may do with this answer (adopt it, suggest it), below it. */
  actions?: ReactNode;
}) {
  const headingId = `afspraak-${regionSlug}`;
  const sub = (headingLevel + 1) as 3 | 4;
  const agreement = answer.sections.find((section) => section.key === "agreement");
  const weighing = answer.sections.filter((section) => section.key !== "agreement");
  return (
    <article className={`answer${answer.reviewDue ? " answer--due" : ""}`} aria-labelledby={headingId} id={regionSlug}>
      <div className="answer__header">
        <Heading level={headingLevel} id={headingId}>
          Afspraak {regionName}
        </Heading>
        {own && <OwnRegionTag />}
        <VerdictBadge verdict={answer.verdict} />
      </div>
      <p className="answer__verdict-context">{verdictInContext(answer.verdict, answer.route)}</p>
      <dl className="answer__facts">
        <dt>Route</dt>
        <dd>
          <strong>{ROUTE_SHORT[answer.route]}</strong>: {ROUTE_MEANINGS[answer.route]}
        </dd>
        <dt>Versie</dt>
        <dd>
          {answer.version}
          {isCurrent ? " (geldend)" : " (eerdere versie)"}, afgesproken op {formatDate(answer.agreedOn)}
        </dd>
        {answer.agreedBy && (
          <>
            <dt>Afgesproken door</dt>
            <dd>{answer.agreedBy}</dd>
          </>
        )}
        {answer.reviewBy && (
          <>
            <dt>Herzien uiterlijk</dt>
            <dd>
              {formatDate(answer.reviewBy)}
              {answer.reviewDue && <strong> — toe aan herziening</strong>}
            </dd>
          </>
        )}
        {answer.reconfirmedOn && (
          <>
            <dt>Herbevestigd</dt>
            <dd>Herbevestigd op {formatDate(answer.reconfirmedOn)}</dd>
          </>
        )}
        {answer.adoptedFrom && (
          <>
            <dt>Overgenomen van</dt>
            <dd>
              <Link
                className="utrecht-link"
                to={versionPath(
                  answer.adoptedFrom.dilemmaSlug,
                  answer.adoptedFrom.regionSlug,
                  answer.adoptedFrom.version,
                )}
              >
                {answer.adoptedFrom.regionName} (versie {answer.adoptedFrom.version})
              </Link>
            </dd>
          </>
        )}
        {answer.adoptedBy.length > 0 && (
          <>
            <dt>Overgenomen door</dt>
            <dd>
              {answer.adoptedBy.map((ref, i) => (
                <span key={ref.versionId}>
                  {i > 0 && ", "}
                  <Link className="utrecht-link" to={versionPath(ref.dilemmaSlug, ref.regionSlug, ref.version)}>
                    {ref.regionName} (versie {ref.version})
                  </Link>
                </span>
              ))}
            </dd>
          </>
        )}
      </dl>
      {answer.illustrativeNotice && <p className="quiet-note">{answer.illustrativeNotice}</p>}
      {isCurrent && (answer.reviewDue || answer.lawChanges.length > 0) && (
        <p className="quiet-note">
          {answer.lawChanges.length > 0
            ? `Sinds deze afspraak is ${answer.lawChanges.map((c) => `${c.heading} (${c.codeTitle})`).join(", ")} gewijzigd per ${formatDate(answer.lawChanges[0]!.effectiveFrom)}. `
            : "Deze afspraak is over haar herzieningsdatum. "}
          {regionName} bekijkt haar opnieuw; lees de geciteerde teksten na voordat u erop steunt.
        </p>
      )}
      {answer.unverified.length > 0 && (
        <section className="answer__unverified" aria-labelledby={`${headingId}-unverified`}>
          <Heading level={sub} id={`${headingId}-unverified`}>
            Nog te controleren tegen de officiële tekst
          </Heading>
          <p className="utrecht-paragraph">Alleen zichtbaar voor begeleiders van {regionName}.</p>
          <ul className="utrecht-unordered-list">
            {answer.unverified.map((u) => (
              <li key={u.point}>
                {u.point}
                {u.reference && (
                  <>
                    {" "}
                    (
                    <Link className="utrecht-link" to={articlePath(u.reference)}>
                      {u.reference}
                    </Link>
                    )
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {agreement && (
        <section>
          <Heading level={sub}>{agreement.heading}</Heading>
          <RichText html={agreement.html} />
        </section>
      )}
      {answer.conditions.length > 0 && (
        <section>
          <Heading level={sub}>Voorwaarden</Heading>
          <ul className="utrecht-unordered-list">
            {answer.conditions.map((condition) => (
              <li key={condition}>{condition}</li>
            ))}
          </ul>
        </section>
      )}
      <details className="answer__weighing">
        <summary>
          De afweging<span className="answer__weighing-parts">: {weighing.map((s) => s.heading).join(", ")}</span>
        </summary>
        {weighing.map((section) => (
          <section key={section.key}>
            <Heading level={sub}>{section.heading}</Heading>
            <RichText html={section.html} />
          </section>
        ))}
      </details>
      {answer.citations.length > 0 && (
        <section>
          <Heading level={sub}>Wettelijke grondslag en beroepscodes</Heading>
          <ul className="citations">
            {answer.citations.map((c) => (
              <li key={`${c.codeSlug}#${c.anchor}`}>
                <Link
                  className="utrecht-link"
                  to={codePath(c.codeSlug, {
                    editie: c.edition && !c.isNewest ? c.edition.effectiveFrom : undefined,
                    anchor: c.anchor,
                  })}
                >
                  {c.codeTitle}
                  {c.edition ? ` (${c.edition.label})` : ""}, {c.heading}
                </Link>
                {c.kind === "ground" ? " (grondslag)" : ""}
                {c.newer && (
                  <span className="quiet-note">
                    {" "}
                    Er is een nieuwere editie: {c.newer.label}, per {formatDate(c.newer.effectiveFrom)} (
                    <Link className="utrecht-link" to={articleChangePath(c.codeSlug, c.anchor)}>
                      wat veranderde<span className="visually-hidden"> aan {c.heading}</span>
                    </Link>
                    ).
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {earlier.length > 0 && (
        <section>
          <Heading level={sub}>
            {earlier.every((v) => v.version < answer.version) ? "Eerdere versies" : "Andere versies"}
          </Heading>
          <ul className="versions">
            {earlier.map((v) => (
              <li key={v.version}>
                <Link className="utrecht-link" to={versionPath(dilemmaSlug, regionSlug, v.version)}>
                  Versie {v.version}, afgesproken op {formatDate(v.agreedOn)}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {actions && <div className="answer__actions">{actions}</div>}
    </article>
  );
}
