import { ROUTE_MEANINGS, ROUTE_SHORT, verdictInContext } from "~/domain/answer-wording";
import type { VersionView } from "~/models/answer-view.server";
import { formatDate } from "~/utils/dates";
import { articleChangePath, articlePath, codePath, versionPath } from "~/utils/paths";
import { Heading, RichText } from "./text";

/**
 * Everything of an answer card below its header: what the verdict means here and its route, the
 * Afspraak and its conditions, then the weighing (folded), citations and lineage. Rendered to HTML once
 * per version on the server (answer-card-html.server.tsx), so its links are plain links.
 */
export function AnswerCardBody({
  dilemmaSlug,
  regionSlug,
  regionName,
  answer,
  headingLevel = 3,
  earlier = [],
  isCurrent = true,
}: {
  dilemmaSlug: string;
  regionSlug: string;
  regionName: string;
  answer: VersionView;
  headingLevel?: 2 | 3;
  earlier?: { version: number; agreedOn: string }[];
  isCurrent?: boolean;
}) {
  const headingId = `afspraak-${regionSlug}`;
  const sub = (headingLevel + 1) as 3 | 4;
  const agreement = answer.sections.find((section) => section.key === "agreement");
  const weighing = answer.sections.filter((section) => section.key !== "agreement");
  return (
    <>
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
              <a
                className="utrecht-link"
                href={versionPath(
                  answer.adoptedFrom.dilemmaSlug,
                  answer.adoptedFrom.regionSlug,
                  answer.adoptedFrom.version,
                )}
              >
                {answer.adoptedFrom.regionName} (versie {answer.adoptedFrom.version})
              </a>
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
                  <a className="utrecht-link" href={versionPath(ref.dilemmaSlug, ref.regionSlug, ref.version)}>
                    {ref.regionName} (versie {ref.version})
                  </a>
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
                    <a className="utrecht-link" href={articlePath(u.reference)}>
                      {u.reference}
                    </a>
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
                <a
                  className="utrecht-link"
                  href={codePath(c.codeSlug, {
                    editie: c.edition && !c.isNewest ? c.edition.effectiveFrom : undefined,
                    anchor: c.anchor,
                  })}
                >
                  {c.codeTitle}
                  {c.edition ? ` (${c.edition.label})` : ""}, {c.heading}
                </a>
                {c.kind === "ground" ? " (grondslag)" : ""}
                {c.newer && (
                  <span className="quiet-note">
                    {" "}
                    Er is een nieuwere editie: {c.newer.label}, per {formatDate(c.newer.effectiveFrom)} (
                    <a className="utrecht-link" href={articleChangePath(c.codeSlug, c.anchor)}>
                      wat veranderde<span className="visually-hidden"> aan {c.heading}</span>
                    </a>
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
                <a className="utrecht-link" href={versionPath(dilemmaSlug, regionSlug, v.version)}>
                  Versie {v.version}, afgesproken op {formatDate(v.agreedOn)}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
