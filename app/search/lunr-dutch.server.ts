import lunr from "lunr";
// lunr-languages patches the lunr object it is given.
import stemmerSupport from "lunr-languages/lunr.stemmer.support.js";
import dutch from "lunr-languages/lunr.nl.js";

import { foldText } from "./query";

type DutchLunr = typeof lunr & {
  nl: lunr.Builder.Plugin & { trimmer: lunr.PipelineFunction; stemmer: lunr.PipelineFunction; stopWordFilter: lunr.PipelineFunction };
};

let registered = false;

/**
 * Lunr with the Dutch pipeline (trimmer, stop words, stemmer) and accent folding. A serialised index
 * names its pipeline functions, so this must run before `lunr.Index.load`.
 */
export function dutchLunr(): DutchLunr {
  if (!registered) {
    stemmerSupport(lunr);
    dutch(lunr);
    lunr.Pipeline.registerFunction(foldDiacritics, "foldDiacritics");
    registered = true;
  }
  return lunr as DutchLunr;
}

function foldDiacritics(token: lunr.Token) {
  return token.update((text) => foldText(text));
}

/** The Dutch plugin plus accent folding in front of both the index and the search pipeline. */
export function useDutch(builder: lunr.Builder) {
  const nl = dutchLunr().nl;
  builder.use(nl);
  builder.pipeline.before(nl.trimmer, foldDiacritics);
  builder.searchPipeline.before(nl.stemmer, foldDiacritics);
}

/**
 * Words of a professional's question that say nothing about the subject ("mag ik … vertellen?").
 * With all words required, they would only hide the answer.
 */
const QUESTION_WORDS = new Set(
  "mag mogen magik kan kunnen moet moeten wil willen zou zouden mijn onze jouw hoe wat waarom wanneer welke wie waar iets even eigenlijk".split(" "),
);

/** Whether a (folded) query word is a stop word that search should skip. */
export function isStopWord(word: string): boolean {
  return QUESTION_WORDS.has(word) || !dutchLunr().nl.stopWordFilter(new lunr.Token(word, {}), 0, []);
}
