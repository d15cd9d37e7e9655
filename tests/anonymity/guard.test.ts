import { spawnSync } from "node:child_process";
import fs from "node:fs";

import { describe, expect, it } from "vitest";

import {
  BLOCKING_KINDS,
  checkAnonymity,
  type Finding,
  FINDING_KINDS,
  type FindingKind,
  passesElfproef,
} from "~/anonymity/anonymity";
import { CORPUS } from "./corpus";

interface Score {
  labels: number;
  found: number;
  truePositives: number;
  missed: string[];
  falsePositives: string[];
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

/** Precision and recall per kind: a finding counts when it overlaps a labelled span of its kind. */
function score(): Map<FindingKind, Score> {
  const scores = new Map(
    FINDING_KINDS.map((kind) => [
      kind,
      { labels: 0, found: 0, truePositives: 0, missed: [], falsePositives: [] } as Score,
    ]),
  );
  for (const { text, expected } of CORPUS) {
    const findings = checkAnonymity(text);
    const labels = expected.map((label) => ({
      ...label,
      start: text.indexOf(label.span),
      end: text.indexOf(label.span) + label.span.length,
    }));
    for (const label of labels) {
      const s = scores.get(label.kind)!;
      s.labels += 1;
      if (!findings.some((f) => f.kind === label.kind && overlaps(f, label))) s.missed.push(`${label.span}  ‹${text}›`);
    }
    for (const finding of findings) {
      const s = scores.get(finding.kind)!;
      s.found += 1;
      if (labels.some((l) => l.kind === finding.kind && overlaps(finding, l))) s.truePositives += 1;
      else s.falsePositives.push(`${finding.text}  ‹${text}›`);
    }
  }
  return scores;
}

const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);
const recallOf = (s: Score) => ratio(s.labels - s.missed.length, s.labels);
const precisionOf = (s: Score) => ratio(s.truePositives, s.found);

// Blocking kinds refuse a text, so a miss leaks data and a false alarm stops an honest author: both
// must be rare. Warnings only ask the author to confirm, so they may err a little more.
const FLOOR: Record<FindingKind, number> = {
  bsn: 0.97,
  email: 0.97,
  phone: 0.97,
  iban: 0.97,
  postcode: 0.97,
  address: 0.97,
  name: 0.9,
  birthdate: 0.9,
  "age-place": 0.9,
};

describe("the anonymity guard on the labelled corpus", () => {
  const scores = score();

  it("is measured on at least 150 texts, clean and personal, with every kind labelled", () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(450);
    expect(CORPUS.filter((entry) => entry.expected.length === 0).length).toBeGreaterThanOrEqual(180);
    for (const kind of FINDING_KINDS) expect(scores.get(kind)!.labels, kind).toBeGreaterThanOrEqual(10);
    for (const { text, expected } of CORPUS) {
      for (const label of expected) expect(text, `label '${label.span}'`).toContain(label.span);
    }
  });

  it("holds the floors the README states: 0.97 for every blocking kind, 0.90 for every warning", () => {
    for (const kind of FINDING_KINDS)
      expect(FLOOR[kind], kind).toBe((BLOCKING_KINDS as readonly string[]).includes(kind) ? 0.97 : 0.9);
    // The README's table of figures names each kind's floor in its last column.
    const readme = fs.readFileSync("README.md", "utf8");
    for (const kind of FINDING_KINDS) {
      const row = new RegExp(`^\\| ${kind} +\\|.*\\| (\\d\\.\\d+) +\\|$`, "m").exec(readme);
      expect(Number(row?.[1]), `README row of ${kind}`).toBe(FLOOR[kind]);
    }
  });

  it.each(FINDING_KINDS)("finds %s above its floor in precision and recall", (kind) => {
    const s = scores.get(kind)!;
    expect(recallOf(s), `missed: ${s.missed.join("\n")}`).toBeGreaterThanOrEqual(FLOOR[kind]);
    expect(precisionOf(s), `false positives: ${s.falsePositives.join("\n")}`).toBeGreaterThanOrEqual(FLOOR[kind]);
  });
});

describe("checkAnonymity", () => {
  it("gives offsets into the input, the text at them and a Dutch suggestion", () => {
    const text = "De moeder (bel 06-12345678) woont op Kerkweg 3a; mevrouw Jansen weet ervan.";
    const findings = checkAnonymity(text);
    expect(findings.map((f) => [f.kind, f.severity, f.text])).toEqual([
      ["phone", "block", "06-12345678"],
      ["address", "block", "Kerkweg 3a"],
      ["name", "warn", "mevrouw Jansen"],
    ]);
    for (const finding of findings) {
      expect(text.slice(finding.start, finding.end)).toBe(finding.text);
      expect(finding.suggestion).toMatch(/^[A-Z].{10,}/);
    }
    expect(findings[0]!.suggestion).toContain("[telefoonnummer]");
  });

  it("keeps offsets right after characters outside the basic plane and accents", () => {
    const text = "🙂 Één gezin, één plan — e-mail: zoë.özdemir@voorbeeld.nl";
    const [finding] = checkAnonymity(text);
    expect(finding && text.slice(finding.start, finding.end)).toBe("zoë.özdemir@voorbeeld.nl");
    expect(finding?.start).toBe(text.indexOf("zoë"));
  });

  it("reports one finding where an IBAN's digits also look like a phone number", () => {
    expect(checkAnonymity("NL91 ABNA 0417 1643 00").map((f) => f.kind)).toEqual(["iban"]);
  });

  it("returns nothing for an empty text", () => {
    expect(checkAnonymity("")).toEqual([]);
  });
});

describe("the elfproef", () => {
  it.each(["111222333", "123456782", "1234.56.782", "049330949", "49330949"])("accepts %s", (bsn) => {
    expect(passesElfproef(bsn)).toBe(true);
  });

  it.each(["123456789", "111222334", "000000000", "12345678901"])("refuses %s", (number) => {
    expect(passesElfproef(number)).toBe(false);
  });

  it("decides whether nine digits in a text are a BSN", () => {
    expect(checkAnonymity("BSN 123456782").map((f) => f.kind)).toEqual(["bsn"]);
    expect(checkAnonymity("BSN 123456789")).toEqual([]);
  });
});

describe("the IBAN check (mod-97)", () => {
  it.each([
    ["NL91ABNA0417164300", true],
    ["NL91ABNA0417164301", false],
    ["NL19ABNA0417164300", false],
    ["DE89370400440532013000", true],
    ["DE89370400440532013001", false],
  ])("%s is flagged: %s", (iban, flagged) => {
    expect(checkAnonymity(`Rekening ${iban}.`).some((f: Finding) => f.kind === "iban")).toBe(flagged);
  });
});

describe("npm run -s anonymity", () => {
  const run = (input: string) => spawnSync("npx", ["tsx", "scripts/anonymity.ts"], { input, encoding: "utf8" });

  it("prints the findings as JSON and exits 1 when one blocks", () => {
    const result = run("Bel de moeder op 06-12345678.");
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual([
      expect.objectContaining({ kind: "phone", severity: "block", start: 17, end: 28, text: "06-12345678" }),
    ]);
  });

  it("exits 0 with only warnings", () => {
    const result = run("Mevrouw Jansen belde de school.");
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([expect.objectContaining({ kind: "name", severity: "warn" })]);
  });

  it("exits 0 and prints an empty array for a clean text", () => {
    const result = run("Op 12 maart 2024 besprak het overleg artikel 7.4.0 Jeugdwet.");
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([]);
  });
});
