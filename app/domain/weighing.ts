// Applies the rules table (weighing-rules.ts) to one professional's answers. Pure: the answer page, the
// record and the tests share it.
import { type Route, type Sector, SECTOR_LABELS } from "./vocabulary";
import {
  AGE_LABELS,
  type AgeBand,
  type ConsentLaw,
  type ConsentState,
  type DangerLevel,
  INFO_CATEGORIES,
  INFO_CATEGORY_LABELS,
  type InfoCategory,
  type Outcome,
  type SecrecyAnswer,
} from "./weighing-options";
import {
  type ArticleRef,
  CATEGORY_NOTES,
  consentLawFor,
  type ConsentRule,
  consentRuleFor,
  ROUTE_ORDER,
  ROUTE_RULES,
  type RuleCondition,
  SECTOR_DEFAULTS,
} from "./weighing-rules";

export interface WeighingInput {
  sector: Sector;
  secrecy: SecrecyAnswer;
  asker: Sector;
  categories: readonly InfoCategory[];
  age: AgeBand;
  consent: ConsentState;
  danger: DangerLevel;
}

export interface AppliedRoute {
  ruleId: string;
  route: Route;
  outcome: Outcome;
  title: string;
  text: string;
  citations: ArticleRef[];
}

export interface Weighing {
  /** Whether the holder has a beroepsgeheim, as the user said or as usual in the sector. */
  secrecy: boolean;
  secrecyFromSector: boolean;
  sectorWhy: string;
  sectorCitations: ArticleRef[];
  law: ConsentLaw;
  consent: ConsentRule;
  routes: AppliedRoute[];
  notes: { category: InfoCategory; text: string; citations: ArticleRef[] }[];
  acute: boolean;
}

interface Facts extends WeighingInput {
  hasSecrecy: boolean;
  law: ConsentLaw;
}

function holds(condition: RuleCondition, facts: Facts): boolean {
  return (
    (condition.secrecy === undefined || condition.secrecy === facts.hasSecrecy) &&
    (condition.law === undefined || condition.law.includes(facts.law)) &&
    (condition.holder === undefined || condition.holder.includes(facts.sector)) &&
    (condition.asker === undefined || condition.asker.includes(facts.asker)) &&
    (condition.notAsker === undefined || !condition.notAsker.includes(facts.asker)) &&
    (condition.sameSector === undefined || condition.sameSector === (facts.sector === facts.asker)) &&
    (condition.consent === undefined || condition.consent.includes(facts.consent)) &&
    (condition.danger === undefined || condition.danger.includes(facts.danger)) &&
    (condition.categories === undefined || condition.categories.some((c) => facts.categories.includes(c)))
  );
}

export function weigh(input: WeighingInput): Weighing {
  const sectorDefault = SECTOR_DEFAULTS[input.sector];
  const hasSecrecy = input.secrecy === "gebruikelijk" ? sectorDefault.secrecy : input.secrecy === "ja";
  const law = consentLawFor(input.sector, input.age);
  const consent = consentRuleFor(law, input.age);
  // The rules table covers every sector × age; a gap is a bug in the table, caught by its unit test.
  if (!consent) throw new Error(`No consent rule for ${law} at ${input.age}`);
  const facts: Facts = { ...input, hasSecrecy, law };
  const routes = ROUTE_RULES.filter((rule) => rule.when.some((condition) => holds(condition, facts)))
    .map(({ id, route, outcome, title, text, citations }) => ({ ruleId: id, route, outcome, title, text, citations }))
    .sort((a, b) => ROUTE_ORDER.indexOf(a.route) - ROUTE_ORDER.indexOf(b.route));
  return {
    secrecy: hasSecrecy,
    secrecyFromSector: input.secrecy === "gebruikelijk",
    sectorWhy: sectorDefault.why,
    sectorCitations: sectorDefault.citations,
    law,
    consent,
    routes,
    notes: CATEGORY_NOTES.filter((note) => input.categories.includes(note.category)),
    acute: input.danger === "acuut",
  };
}

/** Every article a weighing cites, once each, in the order the page shows them. */
export function citedArticles(weighing: Weighing): ArticleRef[] {
  return [
    ...new Set([
      ...weighing.sectorCitations,
      ...weighing.consent.citations,
      ...weighing.routes.flatMap((r) => r.citations),
      ...weighing.notes.flatMap((n) => n.citations),
    ]),
  ];
}

/** A sector's label inside a sentence: lower case, except a name ("Veilig Thuis") or an abbreviation ("GGZ"). */
export function sectorInSentence(sector: Sector): string {
  const label = SECTOR_LABELS[sector];
  return sector === "veilig-thuis" || label === label.toUpperCase() ? label : label.toLowerCase();
}

export interface WeighingQuestion {
  key: "grondslag" | "doel" | "noodzaak" | "proportionaliteit" | "subsidiariteit";
  heading: string;
  question: string;
  answers: string[];
}

/** The five questions of the weighing, with the user's own answers filled in. */
export function weighingQuestions(input: WeighingInput, weighing: Weighing, purpose: string): WeighingQuestion[] {
  const asker = `de vrager (${sectorInSentence(input.asker)})`;
  const usable = weighing.routes.filter((r) => r.outcome === "kan" || r.outcome === "laatste");
  const first = weighing.routes.filter((r) => r.outcome === "eerst");
  const asked = INFO_CATEGORIES.filter((c) => input.categories.includes(c));
  const notAsked = INFO_CATEGORIES.filter((c) => !input.categories.includes(c));
  return [
    {
      key: "grondslag",
      heading: "Grondslag",
      question: "Op welke grond mag u delen?",
      answers: [
        ...(usable.length > 0
          ? usable.map((r) => `${r.title}${r.outcome === "laatste" ? " (alleen als laatste middel)" : ""}.`)
          : ["Nog geen: er is (nog) geen route die delen mogelijk maakt."]),
        ...first.map((r) => `Eerst: ${r.title.charAt(0).toLowerCase()}${r.title.slice(1)}.`),
      ],
    },
    {
      key: "doel",
      heading: "Doel",
      question: `Waarvoor heeft ${asker} de informatie nodig?`,
      answers: [purpose.trim() === "" ? "U heeft het doel nog niet ingevuld." : purpose.trim()],
    },
    {
      key: "noodzaak",
      heading: "Noodzaak",
      question: `Welke van deze gegevens heeft ${asker} nodig voor dit doel?`,
      answers: [
        ...asked.map((c) => `${INFO_CATEGORY_LABELS[c]}: gevraagd. Is dit echt nodig voor het doel?`),
        ...(notAsked.length > 0
          ? [`Niet gevraagd, dus niet delen: ${notAsked.map((c) => INFO_CATEGORY_LABELS[c].toLowerCase()).join(", ")}.`]
          : []),
      ],
    },
    {
      key: "proportionaliteit",
      heading: "Proportionaliteit",
      question: "Staat wat u deelt in verhouding tot het doel?",
      answers: [
        `Deel alleen met ${asker}, alleen de gegevens die nodig zijn, en veilig: mondeling of beveiligd, niet in een app-groep.`,
        `Het gaat om: ${AGE_LABELS[input.age].charAt(0).toLowerCase()}${AGE_LABELS[input.age].slice(1)}. Weeg mee wat delen voor deze persoon betekent.`,
      ],
    },
    {
      key: "subsidiariteit",
      heading: "Subsidiariteit",
      question: "Kan het doel ook worden bereikt met minder of zonder delen?",
      answers: [
        "Kan de betrokkene het zelf vertellen, of kunt u samen met hem of haar contact opnemen?",
        "Kan het zonder naam, bijvoorbeeld als anoniem overleg of advies?",
        ...(input.consent === "niet-gevraagd" && input.danger !== "acuut"
          ? ["U heeft nog geen toestemming gevraagd: dat gaat voor delen zonder toestemming."]
          : []),
      ],
    },
  ];
}
