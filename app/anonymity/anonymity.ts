// The anonymity guard: finds personal data in Dutch free text. Pure and synchronous, so the same code runs
// in forms, in the content import and on the command line (scripts/anonymity.ts).
import { findAddresses, findPostcodes } from "./address";
import { findAgesWithPlaces } from "./age-place";
import { findBirthdates } from "./birthdate";
import { findEmails, findPhones } from "./contact";
import { type Finding, severityOf, type Span, SUGGESTIONS } from "./finding";
import { findBsns, findIbans } from "./identifiers";
import { findNames } from "./names";
import { normalise } from "./normalise";
import { sentences } from "./text";

export type { Finding, FindingKind, Severity } from "./finding";
export { BLOCKING_KINDS, FINDING_KINDS, KIND_LABELS, WARNING_KINDS } from "./finding";
export { passesElfproef } from "./identifiers";

/**
 * Every piece of personal data in `text`, in order of appearance, without overlaps: where two findings
 * overlap, a blocking one wins over a warning and a longer one over a shorter (an IBAN over the digits
 * in it that look like a phone number, an address over the first name in "Jan Steenstraat 12").
 * The detectors read the text normalised (`normalise.ts`); offsets and text are those of the original.
 */
export function checkAnonymity(original: string): Finding[] {
  const normalised = normalise(original);
  const text = normalised.text;
  const inSentences = sentences(text);
  const spans = [
    ...findBsns(text, inSentences),
    ...findEmails(text),
    ...findPhones(normalised.digitsText),
    ...findIbans(text),
    ...findPostcodes(text),
    ...findAddresses(text),
    ...findNames(text),
    ...findBirthdates(text, inSentences),
    ...findAgesWithPlaces(text, inSentences),
  ];
  const findings: Finding[] = [];
  let previousEnd = 0;
  for (const { kind, start, end } of withoutOverlaps(spans)) {
    const [mappedStart, to] = normalised.toOriginal(start, end);
    // Two findings that split one original character (a ligature NFKC made two letters) must not overlap.
    const from = Math.max(mappedStart, previousEnd);
    if (from >= to) continue;
    findings.push({
      kind,
      severity: severityOf(kind),
      start: from,
      end: to,
      text: original.slice(from, to),
      suggestion: SUGGESTIONS[kind],
    });
    previousEnd = to;
  }
  return findings;
}

export function blocks(findings: readonly Finding[]): boolean {
  return findings.some((finding) => finding.severity === "block");
}

function withoutOverlaps(spans: Span[]): Span[] {
  const rank = (span: Span) => (severityOf(span.kind) === "block" ? 1_000_000 : 0) + (span.end - span.start);
  const kept: Span[] = [];
  for (const span of [...spans].sort((a, b) => rank(b) - rank(a))) {
    const overlapping = kept.find((k) => k.start < span.end && span.start < k.end);
    if (!overlapping) kept.push(span);
    else if (overlapping.kind === span.kind) {
      overlapping.start = Math.min(overlapping.start, span.start);
      overlapping.end = Math.max(overlapping.end, span.end);
    }
  }
  return kept.sort((a, b) => a.start - b.start);
}
