import type { Sector } from "~/domain/vocabulary";

/**
 * Words of a typed question that carry little about the subject ("mag ik de wijkcoach vertellen dat een
 * leerling vaak verzuimt"): searched, but optional, weighing little and never highlighted.
 */
export const FILLER_WORDS = new Set(
  (
    "vertellen vertel vertelt verteld vertelde zeggen zeg zegt gezegd zei laten weten weet wist doen doet gedaan " +
    "krijgen krijgt gekregen gaan gaat ging vaak soms altijd nooit iemand niemand iets niets wel nog eens echt " +
    "gewoon graag misschien precies zomaar dus toch heel erg beetje zelf elkaar daarover erover hierover " +
    "mogelijk mogelijkheid vraagje nou oke ok goed beter beste alles allemaal iedereen ergens"
  ).split(" "),
);

/** Phrases (folded) that name a sector; the other terms of their synonym group name it too. */
const SECTOR_TERMS: [Sector, string[]][] = [
  [
    "onderwijs",
    [
      "school",
      "onderwijs",
      "leerkracht",
      "mentor",
      "intern begeleider",
      "zorgcoordinator",
      "schoolleiding",
      "basisschool",
      "middelbare school",
      "mbo",
      "zat",
      "smw",
    ],
  ],
  ["wijkteam", ["wijkteam", "samw", "jongerenwerker", "sociaal werker"]],
  ["huisarts", ["huisarts", "poh"]],
  ["politie", ["politie", "recherche"]],
  ["ggz", ["ggz", "psychiater", "verslavingszorg", "crisisdienst", "kliniek"]],
  ["jeugdhulp", ["jeugdhulp", "jeugdprofessional", "gi", "pleegouders", "gezinshuis"]],
  ["zorg", ["jgz", "wijkverpleegkundige", "kinderarts", "ziekenhuis", "verpleegkundige", "ggd"]],
  ["gemeente", ["gemeente", "lpa", "inkomensconsulent", "wethouder", "burgemeester", "wmo consulent", "rmc"]],
  ["justitie", ["om", "rechter", "rvdk", "detentie", "advocaat"]],
  ["reclassering", ["reclassering", "jeugdreclassering"]],
  ["veilig-thuis", ["veilig thuis", "vertrouwensarts"]],
  ["woningcorporatie", ["woningcorporatie", "woonconsulent"]],
  ["schuldhulp", ["schuldhulp", "bewindvoerder", "wgs"]],
];

/** Words about the people a sector works with: they hint at who holds the information ("een leerling"). */
const HOLDER_HINTS: [Sector, string[]][] = [
  ["onderwijs", ["leerling"]],
  ["woningcorporatie", ["huurder"]],
];

/** Before a sector: it receives ("delen met de wijkcoach", "aan school"), or it holds ("van de huisarts"). */
const TO_WORDS = new Set(["aan", "met", "naar", "richting"]);
const FROM_WORDS = new Set(["van", "bij", "uit"]);
/** After a sector: it asks ("school vraagt"), or it tells ("de huisarts meldt"). */
const ASKS_WORDS = new Set([
  "vraagt",
  "vragen",
  "vroeg",
  "wil",
  "wilt",
  "willen",
  "wilde",
  "verzoekt",
  "eist",
  "zoekt",
  "opvragen",
]);
const TELLS_WORDS = new Set([
  "deelt",
  "meldt",
  "informeert",
  "vertelt",
  "geeft",
  "stuurt",
  "waarschuwt",
  "belt",
  "mailt",
  "signaleert",
  "ziet",
  "weet",
  "hoort",
  "tipt",
]);
/** After a sector, an infinitive makes it the one told: "mag ik de wijkcoach vertellen". */
const TELL_INFINITIVES = new Set([
  "vertellen",
  "informeren",
  "inlichten",
  "waarschuwen",
  "bellen",
  "mailen",
  "tippen",
  "laten",
  "doorgeven",
]);
/** Before a sector: a modal verb of permission makes it the one who would share ("mag de huisarts …"). */
const MAY_WORDS = new Set(["mag", "mogen", "kan", "kunnen", "moet", "moeten", "zou", "zouden", "durf", "hoeft"]);
const ARTICLES = new Set(["de", "het", "een", "mijn", "onze", "ons", "die", "deze", "dat", "zijn", "haar"]);

export interface QuestionDirection {
  /** Every sector the query names. */
  mentioned: Sector[];
  /** The sector that holds the information, when the query says so. */
  holder?: Sector;
  /** The sector that asks for or receives it, when the query says so. */
  asking?: Sector;
}

/** Each folded phrase of the sector terms' synonym groups, to its sector. */
export function buildSectorTerms(groups: string[][], fold: (phrase: string) => string): Map<string, Sector> {
  const terms = new Map<string, Sector>();
  const groupOf = new Map<string, string[]>();
  for (const group of groups) for (const phrase of group) groupOf.set(fold(phrase), group);
  for (const [sector, phrases] of SECTOR_TERMS) {
    for (const phrase of phrases) {
      const folded = fold(phrase);
      terms.set(folded, sector);
      for (const other of groupOf.get(folded) ?? []) terms.set(fold(other), sector);
    }
  }
  return terms;
}

const hintOf = new Map(HOLDER_HINTS.flatMap(([sector, words]) => words.map((word) => [word, sector] as const)));

/**
 * Which sectors a query names and, where its words say so, which one holds the information and which
 * one asks. `spans` are the query's concepts in order: where each starts among `words` and how many
 * words it takes.
 */
export function readDirection(
  words: string[],
  spans: { start: number; size: number }[],
  sectorTerms: Map<string, Sector>,
): QuestionDirection {
  const mentions: { sector: Sector; role?: "holder" | "asking" }[] = [];
  let hint: Sector | undefined;
  for (const { start, size } of spans) {
    const phrase = words.slice(start, start + size).join(" ");
    const sector = sectorTerms.get(phrase);
    if (!sector) {
      const stemless = phrase.replace(/(en|s)$/, "");
      hint ??= hintOf.get(phrase) ?? hintOf.get(stemless);
      continue;
    }
    let before = start - 1;
    while (before >= 0 && ARTICLES.has(words[before]!)) before--;
    const previous = words[before] ?? "";
    const next = words[start + size] ?? "";
    let role: "holder" | "asking" | undefined;
    if (TO_WORDS.has(previous) || TELL_INFINITIVES.has(next)) role = "asking";
    else if (FROM_WORDS.has(previous) || TELLS_WORDS.has(next) || MAY_WORDS.has(previous)) role = "holder";
    else if (ASKS_WORDS.has(next) || previous === "wil" || previous === "willen") role = "asking";
    mentions.push({ sector, role });
  }
  const mentioned = [...new Set(mentions.map((m) => m.sector))];
  let holder = mentions.find((m) => m.role === "holder")?.sector;
  let asking = mentions.find((m) => m.role === "asking" && m.sector !== holder)?.sector;
  // One side named: another sector without a role, or a hint ("een leerling"), is the other side.
  const unplaced = mentions.find((m) => !m.role && m.sector !== holder && m.sector !== asking)?.sector;
  if (holder && !asking && unplaced) asking = unplaced;
  if (asking && !holder) holder = unplaced ?? (hint !== asking ? hint : undefined);
  return { mentioned, ...(holder ? { holder } : {}), ...(asking ? { asking } : {}) };
}
