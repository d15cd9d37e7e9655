import { type CodeKind, VERDICT_LABELS } from "~/domain/vocabulary";
import { publicUrl } from "~/http/public-origin.server";
import { markdownToText } from "~/utils/markdown.server";
import { codePath, dilemmaPath, versionPath } from "~/utils/paths";
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

/** Markdown as the plain text a JSON string holds (markdownToText leaves &, < and > escaped for HTML). */
const plainText = (markdown: string) =>
  markdownToText(markdown).replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** The official identifier and jurisdiction a source address carries: a BWB id or an EU ELI. */
function officialSource(sourceUrl: string) {
  const bwb = /wetten\.overheid\.nl\/(BWBR\d{7})/.exec(sourceUrl)?.[1];
  if (bwb) return { legislationIdentifier: bwb, legislationJurisdiction: "NL" };
  const eli = /eur-lex\.europa\.eu\/(eli\/[a-z]+\/\d{4}\/\d+)/.exec(sourceUrl)?.[1];
  if (eli) return { legislationIdentifier: `http://data.europa.eu/${eli}/oj`, legislationJurisdiction: "EU" };
  return { legislationJurisdiction: "NL" };
}

/**
 * schema.org JSON-LD for a law or code page. A law is a `Legislation` whose articles are `Legislation`
 * parts (hasPart), each with its address on the page and our summary as its abstract (never as the
 * official text); the official text is `sameAs`. A professional code or guideline is no legislation:
 * it is a `CreativeWork` of its publisher with `CreativeWork` parts.
 */
export function codeStructuredData(
  code: { slug: string; title: string; kind: CodeKind; issuer: string; sourceUrl: string },
  edition: { effectiveFrom: string | null; inForce: boolean; editie?: string },
  articles: { anchor: string; heading: string; bodyMd: string }[],
) {
  const page = publicUrl(codePath(code.slug, { editie: edition.editie }));
  const law = code.kind === "wet";
  const type = law ? "Legislation" : "CreativeWork";
  return {
    "@context": "https://schema.org",
    "@type": type,
    name: code.title,
    url: page,
    sameAs: code.sourceUrl,
    inLanguage: "nl-NL",
    ...(law
      ? {
          ...officialSource(code.sourceUrl),
          legislationPassedBy: { "@type": "Organization", name: code.issuer },
          legislationLegalForce: edition.inForce ? "InForce" : "NotInForce",
          ...(edition.effectiveFrom ? { legislationDateVersion: edition.effectiveFrom } : {}),
        }
      : { publisher: { "@type": "Organization", name: code.issuer } }),
    hasPart: articles.map((a) => ({
      "@type": type,
      name: a.heading,
      url: `${page}#${a.anchor}`,
      inLanguage: "nl-NL",
      abstract: plainText(a.bodyMd),
    })),
  };
}

/** JSON for a script element: `<` escaped, so no text in it can close the element. */
export const jsonForScript = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");
