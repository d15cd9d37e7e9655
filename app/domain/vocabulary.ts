// The fixed vocabularies of CONTENT.md, with the Dutch labels a user reads.
// The database enforces the same lists with CHECK constraints (db/schema.ts).

export const SECTORS = [
  "gemeente",
  "wijkteam",
  "onderwijs",
  "jeugdhulp",
  "zorg",
  "ggz",
  "huisarts",
  "politie",
  "justitie",
  "reclassering",
  "veilig-thuis",
  "woningcorporatie",
  "schuldhulp",
  "kinderopvang",
  "jeugdbescherming",
  "jeugdreclassering",
] as const;
export type Sector = (typeof SECTORS)[number];

export const SECTOR_LABELS: Record<Sector, string> = {
  gemeente: "Gemeente",
  wijkteam: "Wijkteam",
  onderwijs: "Onderwijs",
  jeugdhulp: "Jeugdhulp",
  zorg: "Zorg",
  ggz: "Ggz",
  huisarts: "Huisarts",
  politie: "Politie",
  justitie: "Justitie",
  reclassering: "Reclassering",
  "veilig-thuis": "Veilig Thuis",
  woningcorporatie: "Woningcorporatie",
  schuldhulp: "Schuldhulpverlening",
  kinderopvang: "Kinderopvang",
  // The gecertificeerde instelling (GI) that carries out child-protection measures.
  jeugdbescherming: "Jeugdbescherming (GI)",
  jeugdreclassering: "Jeugdreclassering",
};

export const VERDICTS = ["delen", "delen-onder-voorwaarden", "niet-delen"] as const;
export type Verdict = (typeof VERDICTS)[number];

export const VERDICT_LABELS: Record<Verdict, string> = {
  delen: "Delen",
  "delen-onder-voorwaarden": "Delen onder voorwaarden",
  "niet-delen": "Niet delen",
};

export const ROUTES = [
  "toestemming",
  "wettelijke-plicht",
  "meldrecht",
  "conflict-van-plichten",
  "geen-beroepsgeheim",
] as const;
export type Route = (typeof ROUTES)[number];

export const ROUTE_LABELS: Record<Route, string> = {
  toestemming: "Toestemming",
  "wettelijke-plicht": "Wettelijke plicht",
  meldrecht: "Meldrecht",
  "conflict-van-plichten": "Conflict van plichten",
  "geen-beroepsgeheim": "Geen beroepsgeheim",
};

export const CODE_KINDS = ["beroepscode", "wet", "richtlijn"] as const;
export type CodeKind = (typeof CODE_KINDS)[number];

export const CODE_KIND_LABELS: Record<CodeKind, string> = {
  beroepscode: "Beroepscode",
  wet: "Wet",
  richtlijn: "Richtlijn",
};

export const DILEMMA_STATUSES = ["proposed", "on-agenda", "answered", "rejected", "merged"] as const;
export type DilemmaStatus = (typeof DILEMMA_STATUSES)[number];

export const DILEMMA_STATUS_LABELS: Record<DilemmaStatus, string> = {
  proposed: "Voorgesteld",
  "on-agenda": "Op de agenda",
  answered: "Beantwoord",
  rejected: "Afgewezen",
  merged: "Samengevoegd",
};

export const ANSWER_STATUSES = ["published", "withdrawn"] as const;
export const MEMBERSHIP_ROLES = ["member", "facilitator"] as const;
export const MEMBERSHIP_STATUSES = ["pending", "active", "rejected"] as const;
export const CITATION_KINDS = ["ground", "code"] as const;
export const ORIGINS = ["content", "app"] as const;
export const SUGGESTION_STATUSES = ["open", "adopted", "declined"] as const;
export const NOTIFICATION_KINDS = [
  "proposal-accepted",
  "proposal-rejected",
  "proposal-merged",
  "proposal-answered",
  "reply",
  "comment-hidden",
  "suggestion-decided",
  // For a region's facilitators: work for their agenda and what happens to their region's answers.
  "proposal-new",
  "suggestion-new",
  "answer-adopted",
  "comment-on-answer",
  // For a region's facilitators: a changed law or code touches an answer in force.
  "review-needed",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** How a member wants to hear of notifications by e-mail (null in the database: the default). */
export const MAIL_PREFERENCES = ["immediately", "weekly", "never"] as const;
export type MailPreference = (typeof MAIL_PREFERENCES)[number];
export const MAIL_KINDS = ["notification", "digest", "review-reminder"] as const;
export type MailKind = (typeof MAIL_KINDS)[number];
export const MAIL_STATUSES = ["pending", "sent", "failed"] as const;
/** Why an answer in force is on its region's review list. */
export const REVIEW_REASONS = ["review_date", "law_changed", "unverified"] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];

/** What happened to a cited article in a newer edition of its code. */
export const ARTICLE_CHANGES = ["changed", "removed"] as const;
export type ArticleChange = (typeof ARTICLE_CHANGES)[number];

/** The five sections of a regional answer's weighing, in the order Dutch practice writes them, with the field of an answer version that holds each. */
export const ANSWER_SECTIONS = [
  { key: "grounding", heading: "Grondslag", field: "groundingMd" },
  { key: "purpose", heading: "Doel", field: "purposeMd" },
  { key: "necessity", heading: "Noodzaak", field: "necessityMd" },
  { key: "proportionality", heading: "Proportionaliteit en subsidiariteit", field: "proportionalityMd" },
  { key: "agreement", heading: "Afspraak", field: "agreementMd" },
] as const;
export type AnswerSectionKey = (typeof ANSWER_SECTIONS)[number]["key"];

/** A point of an answer that its region could not yet check against the official text (content's `unverified:` list). */
export interface UnverifiedPoint {
  /** What is not verified, in Dutch, for the facilitators. */
  point: string;
  /** The article it concerns, as `<code-slug>#<anchor>`, when there is one. */
  reference?: string;
}
