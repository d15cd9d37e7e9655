import { ROUTE_LABELS, SECTOR_LABELS } from "~/domain/vocabulary";
import { citedArticles, weigh, type WeighingInput, weighingQuestions } from "~/domain/weighing";
import { answersQuery, type WeighingAnswers } from "~/domain/weighing-form";
import {
  AGE_LABELS,
  CONSENT_LABELS,
  CONSENT_LAW_LABELS,
  DANGER_LABELS,
  INFO_CATEGORY_LABELS,
  OUTCOME_LABELS,
} from "~/domain/weighing-options";
import type { Db } from "~/utils/db.server";
import { type CitedArticle, describeArticles } from "./cited-articles.server";
import { findMatchingAnswers, wantedThemes } from "./matching-answers.server";

export function toWeighingInput(answers: WeighingAnswers): WeighingInput {
  return {
    sector: answers.sector,
    secrecy: answers.beroepsgeheim,
    asker: answers.vrager,
    categories: answers.gegevens,
    age: answers.leeftijd,
    consent: answers.toestemming,
    danger: answers.gevaar,
  };
}

/**
 * Everything the answer page and the record show for one weighing: the matching regional answers, the
 * routes with their articles, who consents, and the five questions with the user's answers. Reads only.
 */
export function buildWeighingView(db: Db, answers: WeighingAnswers, purpose: string, ownRegion: string | null) {
  const input = toWeighingInput(answers);
  const weighing = weigh(input);
  const articles = describeArticles(db, citedArticles(weighing));
  const byRef = new Map(articles.map((a) => [a.ref, a]));
  const cite = (refs: readonly string[]): CitedArticle[] =>
    refs.map((ref) => byRef.get(ref as CitedArticle["ref"])).filter((a): a is CitedArticle => a !== undefined);
  const secrecyText = weighing.secrecy ? "ja" : "nee";
  return {
    answers,
    purpose,
    query: answersQuery(answers),
    facts: [
      { label: "Ik werk in", value: SECTOR_LABELS[answers.sector] },
      {
        label: "Beroepsgeheim",
        value: weighing.secrecyFromSector ? `${secrecyText} (gebruikelijk in deze sector)` : secrecyText,
      },
      { label: "Wie vraagt", value: SECTOR_LABELS[answers.vrager] },
      { label: "Wil weten", value: answers.gegevens.map((c) => INFO_CATEGORY_LABELS[c]).join(", ") },
      { label: "Het gaat om", value: AGE_LABELS[answers.leeftijd] },
      { label: "Toestemming", value: CONSENT_LABELS[answers.toestemming] },
      { label: "Gevaar of vermoeden van geweld", value: DANGER_LABELS[answers.gevaar] },
    ],
    secrecy: {
      has: weighing.secrecy,
      fromSector: weighing.secrecyFromSector,
      why: weighing.sectorWhy,
      citations: cite(weighing.sectorCitations),
    },
    consent: {
      lawLabel: CONSENT_LAW_LABELS[weighing.law],
      who: weighing.consent.who,
      citations: cite(weighing.consent.citations),
    },
    routes: weighing.routes.map((r) => ({
      ...r,
      routeLabel: ROUTE_LABELS[r.route],
      outcomeLabel: OUTCOME_LABELS[r.outcome],
      citations: cite(r.citations),
    })),
    notes: weighing.notes.map((n) => ({ text: n.text, citations: cite(n.citations) })),
    questions: weighingQuestions(input, weighing, purpose),
    matches: findMatchingAnswers(
      db,
      { sector: answers.sector, asker: answers.vrager, themes: wantedThemes(input, answers.thema) },
      ownRegion,
    ),
    acute: weighing.acute,
    articles,
  };
}

export type WeighingView = ReturnType<typeof buildWeighingView>;
