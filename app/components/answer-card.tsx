import type { ReactNode } from "react";

import type { Verdict } from "~/domain/vocabulary";
import { OwnRegionTag, VerdictBadge } from "./badges";
import { Heading } from "./text";

/**
 * One region's answer version, answer first: the region and its verdict, then the body the server
 * rendered once for this version (AnswerCardBody, answer-card-html.server.tsx), then what this reader
 * may do with it.
 */
export function AnswerCard({
  regionSlug,
  regionName,
  verdict,
  reviewDue,
  bodyHtml,
  headingLevel = 3,
  own = false,
  actions,
}: {
  regionSlug: string;
  regionName: string;
  verdict: Verdict;
  reviewDue: boolean;
  bodyHtml: string;
  headingLevel?: 2 | 3;
  /** The reader's own region: marked "Uw regio". */
  own?: boolean;
  /** What the reader may do with this answer (adopt it, suggest it), below it. */
  actions?: ReactNode;
}) {
  const headingId = `afspraak-${regionSlug}`;
  return (
    <article className={`answer${reviewDue ? " answer--due" : ""}`} aria-labelledby={headingId} id={regionSlug}>
      <div className="answer__header">
        <Heading level={headingLevel} id={headingId}>
          Afspraak {regionName}
        </Heading>
        {own && <OwnRegionTag />}
        <VerdictBadge verdict={verdict} />
      </div>
      <div className="answer__body" dangerouslySetInnerHTML={{ __html: bodyHtml }} />
      {actions && <div className="answer__actions">{actions}</div>}
    </article>
  );
}
