import { ANSWER_SECTIONS } from "~/domain/vocabulary";
import type { AnswerWithVersions, Citation } from "~/models/answer.server";
import { todayIso } from "~/utils/dates";
import { codePath } from "~/utils/paths";
import { compareLists, diffMarkdown, normaliseCondition } from "./word-diff.server";

const citationKey = (c: Citation) => `${c.codeSlug}#${c.anchor}`;

function side(answer: AnswerWithVersions, today: string) {
  const current = answer.versions[0]!;
  return {
    regionSlug: answer.regionSlug,
    regionName: answer.regionName,
    versionId: current.id,
    version: current.version,
    verdict: current.verdict,
    route: current.route,
    agreedOn: current.agreedOn,
    agreedBy: current.agreedBy,
    reviewBy: current.reviewBy,
    reviewDue: current.reviewBy !== null && current.reviewBy < today,
    adoptedFrom: current.adoptedFrom,
  };
}

/** Two regions' answers in force, compared fact by fact, section by section (word diff) and list by list. */
export function compareAnswers(left: AnswerWithVersions, right: AnswerWithVersions, today = todayIso()) {
  const [a, b] = [left.versions[0]!, right.versions[0]!];
  const citations = compareLists(a.citations, b.citations, citationKey);
  return {
    left: side(left, today),
    right: side(right, today),
    sameVerdict: a.verdict === b.verdict,
    sameRoute: a.route === b.route,
    sections: ANSWER_SECTIONS.map(({ key, heading, field }) => ({ key, heading, ...diffMarkdown(a[field], b[field]) })),
    conditions: compareLists(a.conditions, b.conditions, normaliseCondition),
    citations: {
      both: citations.both.map(citationView),
      onlyLeft: citations.onlyLeft.map(citationView),
      onlyRight: citations.onlyRight.map(citationView),
    },
  };
}

function citationView(c: Citation) {
  return {
    key: citationKey(c),
    href: codePath(c.codeSlug, { anchor: c.anchor }),
    label: `${c.codeTitle}, ${c.heading}`,
  };
}

export type AnswerComparison = ReturnType<typeof compareAnswers>;
