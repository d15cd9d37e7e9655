import { VERDICT_LABELS } from "~/domain/vocabulary";
import { publicUrl } from "~/http/public-origin.server";
import { dilemmaPath, versionPath } from "~/utils/paths";
import type { AnswerView } from "./answer-view.server";

/**
 * schema.org JSON-LD for an answered dilemma: a QAPage whose Question has one suggested Answer per
 * region (its verdict and the gist of its agreement), so a search engine can quote the answers.
 */
export function dilemmaStructuredData(
  dilemma: { slug: string; title: string; question: string; raisedOn: string },
  answers: AnswerView[],
) {
  return {
    "@context": "https://schema.org",
    "@type": "QAPage",
    url: publicUrl(dilemmaPath(dilemma.slug)),
    inLanguage: "nl-NL",
    mainEntity: {
      "@type": "Question",
      name: dilemma.title,
      text: dilemma.question,
      dateCreated: dilemma.raisedOn,
      answerCount: answers.length,
      suggestedAnswer: answers.map((a) => ({
        "@type": "Answer",
        text: `${a.regionName}: ${VERDICT_LABELS[a.current.verdict]}. ${a.current.gist}`.trim(),
        url: publicUrl(versionPath(dilemma.slug, a.regionSlug, a.current.version)),
        dateCreated: a.current.agreedOn,
        author: { "@type": "Organization", name: `Leertuin ${a.regionName}` },
      })),
    },
  };
}

/** JSON for a script element: `<` escaped, so no text in it can close the element. */
export const jsonForScript = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");
