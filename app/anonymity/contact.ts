// Ways to reach a person: e-mail addresses and Dutch phone numbers.
import type { Span } from "./finding";
import { LETTERS, matches, WORD_END } from "./text";

// "naam@school.nl", also written to dodge spam filters and scrapers: "naam(at)school.nl", "naam [at] school
// [dot] nl", "naam at school punt nl", "naam apenstaartje school punt nl".
const AT = String.raw`(?:\s?@\s?|\s?[[(]\s?(?:at|AT|apenstaartje)\s?[\])]\s?|\s(?:at|AT|apenstaartje)\s)`;
const DOT = String.raw`(?:\.|\s?[[(]\s?(?:dot|DOT|punt|PUNT)\s?[\])]\s?|\s(?:dot|DOT|punt|PUNT)\s)`;
const LABEL = String.raw`[${LETTERS}\d](?:[${LETTERS}\d\-]*[${LETTERS}\d])?`;
// The local part is matched as an atomic group (a lookahead and a backreference): it cannot end in a
// character that starts the "at", so giving characters back would only cost time at every word.
const EMAIL = new RegExp(
  String.raw`(?<![${LETTERS}\d._%+\-])(?=([${LETTERS}\d._%+\-]+))\1${AT}${LABEL}(?:${DOT}${LABEL})*${DOT}([${LETTERS}]{2,})${WORD_END}`,
  "g",
);
// Spelled out with plain words ("at", "punt") an address must end in a real top-level domain: "Kees at
// home punt uit" is not one.
const SPELLED_OUT = /^[^@[(]*$/;
const TOP_LEVEL_DOMAINS = new Set(
  "nl be eu com net org info nu de fr uk es it tr ma pl io me biz online email".split(" "),
);

export function findEmails(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of matches(EMAIL, text)) {
    if (SPELLED_OUT.test(match[0]) && !TOP_LEVEL_DOMAINS.has(match[2]!.toLowerCase())) continue;
    spans.push({ kind: "email", start: match.index, end: match.index + match[0].length });
  }
  return spans;
}

// A Dutch number: +31, 0031 or a trunk 0 (optionally "(0)" after +31, or "(020)"), then the nine digits
// of the national number ("0 6 …" typed digit by digit too), separated by at most a few spaces, hyphens, dots, slashes or a closing parenthesis.
const PHONE = new RegExp(
  String.raw`(?<![${LETTERS}\d+@/])(?:(?:\+|00)31[ .\-]?(?:\(0\)[ .\-]?)?|\(?0 ?)(\d(?:(?:[ .\-/]{1,3}|\)[ .\-]?)?\d){8})(?!\d|[.\-/]\d)`,
  "g",
);

/**
 * The national number's first digits say what it is: 6 is a mobile, 1–5 and 7 are landlines with an
 * area code, 84/85/87/88 personal and company numbers. 800 and 90x are information and service lines
 * (Veilig Thuis' 0800-2000), 97 machine numbers: those are not a person's.
 */
function isPersonalNumber(national: string): boolean {
  return /^(?:[1-7]|8[4578])/.test(national);
}

export function findPhones(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of matches(PHONE, text)) {
    if (!isPersonalNumber(match[1]!.replace(/\D/g, ""))) continue;
    // "(06-12345678)": the parenthesis opens an aside, not an area code.
    const start = match[0].startsWith("(") && !match[0].includes(")") ? match.index + 1 : match.index;
    spans.push({ kind: "phone", start, end: match.index + match[0].length });
  }
  return spans;
}
