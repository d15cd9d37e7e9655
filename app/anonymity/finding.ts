// The shape every detector of the anonymity guard reports, and what a person reads about each kind.

export const BLOCKING_KINDS = ["bsn", "email", "phone", "iban", "postcode", "address"] as const;
export const WARNING_KINDS = ["name", "birthdate", "age-place"] as const;
export const FINDING_KINDS = [...BLOCKING_KINDS, ...WARNING_KINDS] as const;

export type FindingKind = (typeof FINDING_KINDS)[number];
export type Severity = "block" | "warn";

export interface Finding {
  kind: FindingKind;
  severity: Severity;
  /** Offsets into the checked text: `text.slice(start, end)` is the finding's text. */
  start: number;
  end: number;
  text: string;
  /** A short Dutch hint for the author. */
  suggestion: string;
}

/** What a detector reports: the kind and the span; severity, text and suggestion follow from them. */
export interface Span {
  kind: FindingKind;
  start: number;
  end: number;
}

/** Dutch names of the kinds, for the report a form shows beside each finding. */
export const KIND_LABELS: Record<FindingKind, string> = {
  bsn: "een BSN",
  email: "een e-mailadres",
  phone: "een telefoonnummer",
  iban: "een rekeningnummer (IBAN)",
  postcode: "een postcode met huisnummer",
  address: "een adres",
  name: "mogelijk een naam",
  birthdate: "mogelijk een geboortedatum",
  "age-place": "een leeftijd met school of woonplaats",
};

export const SUGGESTIONS: Record<FindingKind, string> = {
  bsn: "Laat het BSN weg: het is nooit nodig om een casus te begrijpen",
  email: "Vervang door [e-mailadres] of noem alleen de organisatie",
  phone: "Vervang door [telefoonnummer] of laat het weg",
  iban: "Laat het rekeningnummer weg",
  postcode: "Noem hoogstens de gemeente of de wijk, zonder postcode en huisnummer",
  address: "Vervang door 'het adres van het gezin' of noem alleen de wijk",
  name: "Vervang door een rol, zoals 'de moeder', 'de leerling' of 'de hulpverlener'",
  birthdate: "Noem alleen de leeftijd, zoals 'een meisje van 12'",
  "age-place": "Laat de naam van de school of plaats weg, of noem alleen de leeftijd",
};

const BLOCKING = new Set<FindingKind>(BLOCKING_KINDS);

export function severityOf(kind: FindingKind): Severity {
  return BLOCKING.has(kind) ? "block" : "warn";
}
