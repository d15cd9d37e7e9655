import { stringify } from "csv-stringify/sync";

import type { AnswerVersion, AnswerWithVersions } from "~/models/answer.server";
import type { getPublicDilemma } from "~/models/dilemma.server";
import type { RegionCurrentAnswer } from "~/models/region-answers.server";
import { codePath, dilemmaPath, regionPath, versionPath } from "~/utils/paths";
import type { DilemmaDocument, RegionAnswersDocument } from "./api-schemas";
import { csvCell } from "./csv-cell";

/**
 * The shapes of the open data (README, "Open data"). A change that could break a reader (a field
 * removed, renamed or given another meaning) raises SCHEMA_VERSION; a new field does not.
 */
export const SCHEMA_VERSION = 1;

type PublicDilemma = NonNullable<ReturnType<typeof getPublicDilemma>>;
type VersionLike = Omit<AnswerVersion, "createdBy" | "createdAt" | "origin">;

/** One published version of one region's answer, with its texts (markdown), sources and lineage. */
function versionRecord(origin: string, dilemmaSlug: string, regionSlug: string, v: VersionLike) {
  return {
    version: v.version,
    verdict: v.verdict,
    route: v.route,
    agreedOn: v.agreedOn,
    agreedBy: v.agreedBy,
    reviewBy: v.reviewBy,
    publishedAt: v.publishedAt,
    adoptedFrom: v.adoptedFrom && { region: v.adoptedFrom.regionSlug, version: v.adoptedFrom.version },
    adoptedBy: v.adoptedBy.map((ref) => ({ region: ref.regionSlug, version: ref.version })),
    conditions: v.conditions,
    citations: v.citations.map((c) => ({
      kind: c.kind,
      code: c.codeSlug,
      anchor: c.anchor,
      title: `${c.codeTitle}, ${c.heading}`,
      url: origin + codePath(c.codeSlug, { anchor: c.anchor }),
    })),
    text: {
      grounding: v.groundingMd,
      purpose: v.purposeMd,
      necessity: v.necessityMd,
      proportionality: v.proportionalityMd,
      agreement: v.agreementMd,
    },
    url: origin + versionPath(dilemmaSlug, regionSlug, v.version),
  };
}

/** GET /api/regios/:slug/afspraken.json */
export function regionAnswersJson(
  origin: string,
  region: { slug: string; name: string; province: string },
  answers: RegionCurrentAnswer[],
): RegionAnswersDocument {
  return {
    schemaVersion: SCHEMA_VERSION,
    region: { slug: region.slug, name: region.name, province: region.province, url: origin + regionPath(region.slug) },
    answers: answers.map(({ dilemma, version }) => ({
      dilemma: {
        slug: dilemma.slug,
        title: dilemma.title,
        question: dilemma.question,
        themes: dilemma.themes.map((th) => th.slug),
        url: origin + dilemmaPath(dilemma.slug),
      },
      ...versionRecord(origin, dilemma.slug, region.slug, version),
    })),
  };
}

export const CSV_COLUMNS = [
  "dilemma_slug",
  "dilemma_title",
  "themes",
  "verdict",
  "route",
  "version",
  "agreed_on",
  "published_at",
  "review_by",
  "adopted_from_region",
  "adopted_from_version",
  "conditions",
  "cited_articles",
  "agreement",
  "url",
] as const;

/** The same answers as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheets read the accents). */
export function regionAnswersCsv(document: ReturnType<typeof regionAnswersJson>): string {
  const records = document.answers.map((a) => ({
    dilemma_slug: a.dilemma.slug,
    dilemma_title: a.dilemma.title,
    themes: a.dilemma.themes.join(" | "),
    verdict: a.verdict,
    route: a.route,
    version: a.version,
    agreed_on: a.agreedOn,
    published_at: a.publishedAt,
    review_by: a.reviewBy ?? "",
    adopted_from_region: a.adoptedFrom?.region ?? "",
    adopted_from_version: a.adoptedFrom?.version ?? "",
    conditions: a.conditions.join(" | "),
    cited_articles: a.citations.map((c) => `${c.code}#${c.anchor}`).join(" | "),
    agreement: a.text.agreement,
    url: a.url,
  }));
  const safe = records.map((record) =>
    Object.fromEntries(
      Object.entries(record).map(([key, value]) => [key, typeof value === "string" ? csvCell(value) : value]),
    ),
  );
  return stringify(safe, { header: true, columns: [...CSV_COLUMNS], bom: true, record_delimiter: "windows" });
}

/** GET /api/dilemmas/:slug */
export function dilemmaJson(origin: string, dilemma: PublicDilemma, answers: AnswerWithVersions[]): DilemmaDocument {
  return {
    schemaVersion: SCHEMA_VERSION,
    dilemma: {
      slug: dilemma.slug,
      title: dilemma.title,
      question: dilemma.question,
      situation: dilemma.situationMd,
      purpose: dilemma.purpose,
      holderSector: dilemma.holderSector,
      askingSectors: dilemma.asking,
      themes: dilemma.themes.map((th) => th.slug),
      originRegion: dilemma.regionSlug,
      raisedOn: dilemma.raisedOn,
      url: origin + dilemmaPath(dilemma.slug),
    },
    answers: answers.map((answer) => ({
      region: { slug: answer.regionSlug, name: answer.regionName },
      currentVersion: answer.versions[0]!.version,
      versions: answer.versions.map((v) => versionRecord(origin, dilemma.slug, answer.regionSlug, v)),
    })),
  };
}
