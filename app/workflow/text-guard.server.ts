import crypto from "node:crypto";

import { checkAnonymity, type Finding, KIND_LABELS } from "~/anonymity/anonymity";
import type { GuardFieldReport, GuardSegment } from "~/components/guard-report";
import { confirmationName } from "~/workflow/confirmation-field";

export type GuardOutcome = { ok: true } | { ok: false; blocked: boolean; reports: GuardFieldReport[] };

/** The confirmation checkbox carries this: it confirms exactly this text, not a later edit. */
const fingerprint = (text: string) => crypto.createHash("sha256").update(text).digest("hex").slice(0, 24);

function segmentsOf(text: string, findings: Finding[]): GuardSegment[] {
  const segments: GuardSegment[] = [];
  let at = 0;
  for (const f of findings) {
    if (f.start > at) segments.push({ text: text.slice(at, f.start) });
    segments.push({
      text: f.text,
      finding: { severity: f.severity, label: KIND_LABELS[f.kind], suggestion: f.suggestion },
    });
    at = f.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at) });
  return segments;
}

/**
 * Runs the anonymity guard over a form's free texts. Passes when nothing blocks and the author
 * confirmed every text that has warnings, as it is now.
 */
export function guardTexts(
  texts: Record<string, { label: string; value: string }>,
  form: Record<string, unknown>,
): GuardOutcome {
  const reports: GuardFieldReport[] = [];
  for (const [field, { label, value }] of Object.entries(texts)) {
    const findings = checkAnonymity(value);
    if (findings.length === 0) continue;
    const blocked = findings.some((f) => f.severity === "block");
    const confirmValue = fingerprint(value);
    if (!blocked && form[confirmationName(field)] === confirmValue) continue;
    reports.push({ field, label, blocked, confirmValue, segments: segmentsOf(value, findings) });
  }
  return reports.length === 0 ? { ok: true } : { ok: false, blocked: reports.some((r) => r.blocked), reports };
}

/** `guardTexts` over the free texts a form's labels name, read from its parsed data (a list as its lines). */
export function guardFields<K extends string>(
  labels: Record<K, string>,
  data: Record<NoInfer<K>, string | string[]>,
  form: Record<string, unknown>,
): GuardOutcome {
  const texts = Object.fromEntries(
    (Object.keys(labels) as K[]).map((field) => {
      const value: string | string[] = data[field];
      return [field, { label: labels[field], value: Array.isArray(value) ? value.join("\n") : value }];
    }),
  );
  return guardTexts(texts, form);
}
