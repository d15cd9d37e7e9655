import { type Route, ROUTE_LABELS, VERDICT_LABELS } from "~/domain/vocabulary";
import { formatDate } from "~/utils/dates";
import { versionPath } from "~/utils/paths";
import type { WeighingView } from "./weighing-view.server";

export type ChosenRoute = Route | "niet-delen";

export interface RecordChoice {
  route: ChosenRoute;
  /** `dilemma/region/version` of the regional answer consulted, or "" for none. */
  consulted: string;
}

export const chosenRouteLabel = (route: ChosenRoute) =>
  route === "niet-delen" ? "Ik deel (nog) niet" : ROUTE_LABELS[route];

/** The regional answer the professional consulted, looked up among the matches shown. */
export function consultedAnswer(view: Pick<WeighingView, "matches">, consulted: string) {
  const [dilemma, region, version] = consulted.split("/");
  const match = view.matches.find((m) => m.slug === dilemma);
  const answer = match?.answers.find((a) => a.regionSlug === region && String(a.version) === version);
  return match && answer
    ? { dilemma: match, answer, path: versionPath(match.slug, answer.regionSlug, answer.version) }
    : null;
}

/** The choices the record offers: the routes this weighing showed, and not sharing. */
export function recordRouteOptions(view: Pick<WeighingView, "routes">): ChosenRoute[] {
  return [...new Set<ChosenRoute>([...view.routes.map((r) => r.route), "niet-delen"])];
}

export interface RecordItem {
  text: string;
  /** A path on Leertuin the item refers to. */
  path?: string;
}

export interface RecordSection {
  heading: string;
  level: 2 | 3;
  paragraphs: string[];
  items: RecordItem[];
}

export interface WeighingRecord {
  title: string;
  intro: string[];
  sections: RecordSection[];
}

const section = (heading: string, paragraphs: string[], items: RecordItem[] = [], level: 2 | 3 = 2) => ({
  heading,
  level,
  paragraphs,
  items,
});

/**
 * The weighing for the professional's own file: date, questions and answers, the route chosen, the
 * regional answer consulted and the articles. One structure for the printable page and the download.
 */
export function weighingRecord(view: WeighingView, choice: RecordChoice, today: string): WeighingRecord {
  const consulted = consultedAnswer(view, choice.consulted);
  const chosen = view.routes.filter((r) => r.route === choice.route);
  return {
    title: "Afweging: mag ik dit delen?",
    intro: [
      `Vastgelegd op ${formatDate(today)} met de afwegingshulp van Leertuin. Dit is een hulpmiddel bij het afwegen, geen juridisch advies.`,
      "Leertuin heeft niets van deze afweging opgeslagen: bewaar haar in uw eigen dossier.",
    ],
    sections: [
      section(
        "De vraag",
        [],
        [...view.facts.map((f) => ({ text: `${f.label}: ${f.value}` })), { text: `Doel: ${view.purpose}` }],
      ),
      section("Gekozen route", [
        chosenRouteLabel(choice.route) + (chosen.length > 0 ? `: ${chosen.map((r) => r.title).join("; ")}.` : "."),
      ]),
      section(
        "Geraadpleegde regionale afspraak",
        consulted ? [] : ["Geen."],
        consulted
          ? [
              {
                text: `${consulted.dilemma.title} — Leertuin ${consulted.answer.regionName}, versie ${consulted.answer.version}: ${VERDICT_LABELS[consulted.answer.verdict]}`,
                path: consulted.path,
              },
            ]
          : [],
      ),
      section("Wie geeft toestemming", [`Volgens ${view.consent.lawLabel}: ${view.consent.who}`]),
      section("Routes die kunnen gelden", []),
      ...view.routes.map((r) =>
        section(
          `${r.routeLabel}: ${r.title} (${r.outcomeLabel.toLowerCase()})`,
          [r.text],
          r.citations.map((c) => ({ text: c.label, path: c.path })),
          3,
        ),
      ),
      ...(view.notes.length > 0
        ? [
            section(
              "Let op bij deze gegevens",
              [],
              view.notes.map((n) => ({ text: n.text })),
            ),
          ]
        : []),
      section("De vijf vragen van de afweging", []),
      ...view.questions.map((q) =>
        section(
          q.heading,
          [q.question],
          q.answers.map((text) => ({ text })),
          3,
        ),
      ),
      section(
        "Informeer, motiveer, documenteer",
        [],
        [
          {
            text: "Informeer de betrokkene vooraf over wat u deelt, met wie en waarom, tenzij dat iemand in gevaar brengt.",
          },
          { text: "Motiveer uw besluit: waarom deze route en waarom deze gegevens." },
          { text: "Documenteer: bewaar deze afweging en wat u deelde in uw eigen dossier." },
        ],
      ),
      section(
        "Artikelen",
        [],
        view.articles.map((a) => ({ text: a.label, path: a.path })),
      ),
    ],
  };
}

/** The record as Markdown, which reads as plain text too; paths become full addresses. */
export function recordMarkdown(record: WeighingRecord, origin: string): string {
  const lines = [`# ${record.title}`, "", ...record.intro.flatMap((p) => [p, ""])];
  for (const s of record.sections) {
    lines.push(`${"#".repeat(s.level)} ${s.heading}`, "");
    for (const p of s.paragraphs) lines.push(p, "");
    if (s.items.length > 0) {
      for (const item of s.items) lines.push(`- ${item.text}${item.path ? ` (${origin}${item.path})` : ""}`);
      lines.push("");
    }
  }
  return lines.join("\n");
}
