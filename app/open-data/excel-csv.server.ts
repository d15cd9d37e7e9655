import { stringify } from "csv-stringify/sync";

import { type Route, ROUTE_LABELS, type Verdict, VERDICT_LABELS } from "~/domain/vocabulary";
import { markdownPlainText } from "~/search/plain-text.server";
import { csvCell } from "./csv-cell";
import type { regionAnswersJson } from "./shapes.server";

/** 2024-03-05 → 05-03-2024, the form Dutch Excel reads as a date. */
const dutchDate = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

/** The columns of the spreadsheet download, in Dutch, for people rather than programs. */
export const EXCEL_CSV_COLUMNS = [
  "Dilemma",
  "Vraag",
  "Thema's",
  "Oordeel",
  "Route",
  "Versie",
  "Afgesproken op",
  "Herzien uiterlijk",
  "Overgenomen van",
  "Voorwaarden",
  "Wetsartikelen en beroepscodes",
  "Afspraak",
  "Link",
] as const;

/**
 * A region's answers as a CSV that Excel with Dutch settings opens as columns: semicolons, a UTF-8
 * byte-order mark, Windows line ends, Dutch headers, labels and dates, and the Afspraak as plain text.
 * The machine CSV (shapes.server.ts) keeps the stable codes for programs.
 */
export function regionAnswersExcelCsv(
  document: ReturnType<typeof regionAnswersJson>,
  labels: { themes: Record<string, string>; regions: Record<string, string> },
): string {
  const records = document.answers.map((a) => ({
    Dilemma: a.dilemma.title,
    Vraag: a.dilemma.question,
    "Thema's": a.dilemma.themes.map((slug) => labels.themes[slug] ?? slug).join(", "),
    Oordeel: VERDICT_LABELS[a.verdict as Verdict],
    Route: ROUTE_LABELS[a.route as Route],
    Versie: a.version,
    "Afgesproken op": dutchDate(a.agreedOn),
    "Herzien uiterlijk": a.reviewBy ? dutchDate(a.reviewBy) : "",
    "Overgenomen van": a.adoptedFrom
      ? `${labels.regions[a.adoptedFrom.region] ?? a.adoptedFrom.region} (versie ${a.adoptedFrom.version})`
      : "",
    Voorwaarden: a.conditions.join("\n"),
    "Wetsartikelen en beroepscodes": a.citations.map((c) => c.title).join("\n"),
    Afspraak: markdownPlainText(a.text.agreement).replace(/\s+/g, " ").trim(),
    Link: a.url,
  }));
  // Every text cell as text, never a formula (OWASP CSV injection), as in the machine CSV.
  const safe = records.map((record) =>
    Object.fromEntries(
      Object.entries(record).map(([key, value]) => [key, typeof value === "string" ? csvCell(value) : value]),
    ),
  );
  return stringify(safe, {
    header: true,
    columns: [...EXCEL_CSV_COLUMNS],
    bom: true,
    delimiter: ";",
    record_delimiter: "windows",
  });
}
