import { ZxcvbnFactory } from "@zxcvbn-ts/core";

import { MIN_PASSWORD_LENGTH } from "./password-rules";

// ASVS 5.0 V6: a new password is long enough, not a common or breached one and not made of the
// user's own e-mail address or name. No composition rules: a long phrase of ordinary words is fine.

/** zxcvbn's score from 0 to 4; below this a password is guessed too easily. */
export const MIN_PASSWORD_SCORE = 3;

/** Who the password is for: their e-mail address and name must not be (in) it. */
export interface PasswordOwner {
  email?: string | null;
  name?: string | null;
}

let factory: ZxcvbnFactory | undefined;

// The dictionaries are a few MB of word lists: loaded once, on the first password that is checked.
async function zxcvbn(): Promise<ZxcvbnFactory> {
  if (factory) return factory;
  const [common, dutch] = await Promise.all([
    import("@zxcvbn-ts/language-common"),
    import("@zxcvbn-ts/language-nl-be"),
  ]);
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...dutch.dictionary },
    graphs: common.adjacencyGraphs,
    // No Levenshtein matching: it made each check about 20× slower (hundreds of ms) for the same verdicts.
    useLevenshteinDistance: false,
  });
  return factory;
}

/** zxcvbn's warning kinds (its translation keys), said in Dutch. */
const WARNINGS: Record<string, string> = {
  straightRow: "Het bevat een rij toetsen naast elkaar op het toetsenbord, zoals qwerty of asdf.",
  keyPattern: "Het bevat een kort patroon op het toetsenbord; dat is snel geraden.",
  simpleRepeat: 'Het herhaalt steeds hetzelfde teken, zoals "aaa".',
  extendedRepeat: 'Het herhaalt een stukje tekst, zoals "abcabcabc".',
  sequences: 'Het bevat een reeks zoals "abcd" of "1234".',
  recentYears: "Het bevat een recent jaartal; jaartallen worden snel geraden.",
  dates: "Het bevat een datum; datums worden snel geraden.",
  topTen: "Het is een van de meest gebruikte wachtwoorden.",
  topHundred: "Het is een van de honderd meest gebruikte wachtwoorden.",
  common: "Het staat in lijsten van veelgebruikte of gelekte wachtwoorden.",
  similarToCommon: "Het lijkt sterk op een veelgebruikt of gelekt wachtwoord.",
  wordByItself: "Eén los woord is snel geraden.",
  namesByThemselves: "Losse voor- of achternamen zijn snel geraden.",
  commonNames: "Veelvoorkomende namen zijn snel geraden.",
  userInputs: "Het bevat uw naam of e-mailadres.",
  pwned: "Het komt voor in gelekte wachtwoordlijsten.",
};

const ADVICE = "Kies bijvoorbeeld een zin van vier of meer gewone woorden die alleen u kent.";

/** Lower-case letters and digits only, so "Pieter.Janssen" and "pieterjanssen" compare equal. */
const plain = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");

/** The words of the owner's e-mail local part and name worth checking (4 or more characters). */
export function ownerWords(owner: PasswordOwner): string[] {
  const local = owner.email?.split("@")[0] ?? "";
  const words = [local, owner.name ?? "", ...local.split(/[^\p{L}\p{N}]+/u), ...(owner.name ?? "").split(/\s+/)];
  return [...new Set(words.map(plain).filter((w) => w.length >= 4))];
}

/** Why this password may not be used, in Dutch, or null when it is good. */
export async function passwordProblem(password: string, owner: PasswordOwner = {}): Promise<string | null> {
  if (password.length < MIN_PASSWORD_LENGTH) return `Kies een wachtwoord van minstens ${MIN_PASSWORD_LENGTH} tekens.`;
  const words = ownerWords(owner);
  const flat = plain(password);
  if (words.some((w) => flat.includes(w))) {
    return `Uw wachtwoord bevat uw naam of (een deel van) uw e-mailadres; dat raadt een ander snel. ${ADVICE}`;
  }
  const result = (await zxcvbn()).check(password, words);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const warning = result.feedback.warning ? WARNINGS[result.feedback.warning] : undefined;
  return `Dit wachtwoord is te makkelijk te raden.${warning ? ` ${warning}` : ""} ${ADVICE}`;
}
