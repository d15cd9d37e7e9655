import { illustrativeNotice } from "~/content/library-files.server";
import { ANSWER_SECTIONS, type UnverifiedPoint } from "~/domain/vocabulary";
import { todayIso } from "~/utils/dates";
import { renderMarkdown } from "~/utils/markdown.server";
import type { AnswerVersion, AnswerWithVersions } from "./answer.server";
import { answerGist } from "./answer-gist.server";

/**
 * One answer version as the page shows it: markdown rendered and sanitised, review status computed. The
 * points not yet verified are for the region's facilitators only: the caller says whether this reader is one.
 */
export function toVersionView(version: AnswerVersion, today = todayIso(), { showUnverified = false } = {}) {
  return {
    id: version.id,
    version: version.version,
    verdict: version.verdict,
    route: version.route,
    agreedOn: version.agreedOn,
    agreedBy: version.agreedBy,
    reviewBy: version.reviewBy,
    reviewDue: version.reviewBy !== null && version.reviewBy < today,
    conditions: version.conditions,
    /** The first sentence of the Afspraak, for summaries. */
    gist: answerGist(version.agreementMd),
    sections: ANSWER_SECTIONS.map(({ key, heading, field }) => ({
      key,
      heading,
      html: renderMarkdown(version[field]),
    })),
    citations: version.citations,
    reconfirmedOn: version.reconfirmedOn ?? null,
    /** Cited articles a newer edition changed or dropped since the region agreed: a quiet notice to readers. */
    lawChanges: (version.lawChanges ?? []).map((c) => ({
      heading: c.heading,
      codeTitle: c.codeTitle,
      effectiveFrom: c.effectiveFrom,
    })),
    adoptedFrom: version.adoptedFrom,
    adoptedBy: version.adoptedBy,
    /** The starter library's "illustrative" line, on answers that came from content/ while it is switched on. */
    illustrativeNotice: version.origin === "content" ? illustrativeNotice() : null,
    unverified: showUnverified ? (version.unverified as UnverifiedPoint[]) : [],
  };
}

export type VersionView = ReturnType<typeof toVersionView>;

export function toAnswerView(answer: AnswerWithVersions, { showUnverified = false } = {}) {
  const [current, ...earlier] = answer.versions;
  return {
    regionSlug: answer.regionSlug,
    regionName: answer.regionName,
    current: toVersionView(current!, todayIso(), { showUnverified }),
    earlier: earlier.map((v) => ({ version: v.version, agreedOn: v.agreedOn, verdict: v.verdict })),
  };
}

export type AnswerView = ReturnType<typeof toAnswerView>;
