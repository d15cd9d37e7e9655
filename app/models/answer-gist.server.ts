import { markdownPlainText } from "~/search/plain-text.server";

const MAX_GIST = 320;

/** The first sentence of an answer's Afspraak as plain text: the gist a summary row shows. */
export function answerGist(agreementMd: string): string {
  const text = markdownPlainText(agreementMd).replace(/\s+/g, " ").trim();
  // A sentence ends at . ! or ? followed by a space and a capital (not inside "art. 5" or "bijv. de").
  const end = /[.!?](?=\s+[A-ZÀ-Ý"'‘“(])/.exec(text);
  const sentence = end ? text.slice(0, end.index + 1) : text;
  if (sentence.length <= MAX_GIST) return sentence;
  const cut = sentence.slice(0, MAX_GIST);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), MAX_GIST / 2)).replace(/[,;:]$/, "")}…`;
}
