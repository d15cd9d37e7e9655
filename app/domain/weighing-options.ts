// The answers the afwegingshulp asks for, with the Dutch labels a user reads. Shared by the form, the
// rules table (weighing-rules.ts) and the record; also runs in the browser.

export const AGE_BANDS = ["onder-12", "12-15", "16-17", "18-plus", "volwassene"] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const AGE_LABELS: Record<AgeBand, string> = {
  "onder-12": "Een kind jonger dan 12 jaar",
  "12-15": "Een jongere van 12 tot en met 15 jaar",
  "16-17": "Een jongere van 16 of 17 jaar",
  "18-plus": "Een jongvolwassene van 18 jaar of ouder",
  volwassene: "Een volwassene, bijvoorbeeld een ouder",
};

export const MINOR_AGES: readonly AgeBand[] = ["onder-12", "12-15", "16-17"];

export const CONSENT_STATES = ["gegeven", "geweigerd", "niet-gevraagd", "niet-zonder-gevaar"] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

export const CONSENT_LABELS: Record<ConsentState, string> = {
  gegeven: "Gevraagd en gegeven",
  geweigerd: "Gevraagd en geweigerd",
  "niet-gevraagd": "Nog niet gevraagd",
  "niet-zonder-gevaar": "Vragen kan niet zonder gevaar",
};

export const DANGER_LEVELS = ["nee", "vermoeden", "acuut"] as const;
export type DangerLevel = (typeof DANGER_LEVELS)[number];

export const DANGER_LABELS: Record<DangerLevel, string> = {
  nee: "Nee",
  vermoeden: "Ja, een vermoeden van huiselijk geweld of kindermishandeling",
  acuut: "Ja, er is acuut gevaar",
};

export const INFO_CATEGORIES = [
  "hulp",
  "soort-hulp",
  "gezondheid",
  "school",
  "veiligheid",
  "strafrecht",
  "financieel",
] as const;
export type InfoCategory = (typeof INFO_CATEGORIES)[number];

export const INFO_CATEGORY_LABELS: Record<InfoCategory, string> = {
  hulp: "Dat er hulp is",
  "soort-hulp": "Wat voor hulp",
  gezondheid: "Gezondheid of diagnose",
  school: "Schoolresultaten en verzuim",
  veiligheid: "Zorgen over veiligheid",
  strafrecht: "Strafrechtelijke zaken",
  financieel: "Financiële situatie",
};

/** Whether the holder has a duty of confidentiality: as usual in the sector, or as the user says. */
export const SECRECY_ANSWERS = ["gebruikelijk", "ja", "nee"] as const;
export type SecrecyAnswer = (typeof SECRECY_ANSWERS)[number];

export const SECRECY_LABELS: Record<SecrecyAnswer, string> = {
  gebruikelijk: "Zoals gebruikelijk in mijn sector",
  ja: "Ja, ik heb een beroepsgeheim",
  nee: "Nee, ik heb geen beroepsgeheim",
};

/** The laws that say who consents to sharing, by the holder's sector and the person's age. */
export const CONSENT_LAWS = ["wgbo", "jeugdwet", "wmo", "avg"] as const;
export type ConsentLaw = (typeof CONSENT_LAWS)[number];

export const CONSENT_LAW_LABELS: Record<ConsentLaw, string> = {
  wgbo: "de WGBO (zorg)",
  jeugdwet: "de Jeugdwet (jeugdhulp)",
  wmo: "de Wmo 2015 (maatschappelijke ondersteuning)",
  avg: "de AVG en de UAVG (onderwijs en organisaties zonder eigen regeling)",
};

export const OUTCOMES = ["kan", "eerst", "niet", "laatste"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const OUTCOME_LABELS: Record<Outcome, string> = {
  kan: "Kan gelden",
  eerst: "Eerst doen",
  niet: "Geldt niet",
  laatste: "Alleen als laatste middel",
};
