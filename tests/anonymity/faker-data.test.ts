// Recall on data the corpus's authors did not write: names, street addresses, postcodes, mobile numbers and
// e-mail addresses from the Dutch locale of @faker-js/faker (seeded, so every run checks the same 300 of
// each), each in a sentence of the kind a dilemma holds. A finding must cover the whole value.
import { Faker, nl } from "@faker-js/faker";
import { describe, expect, it } from "vitest";

import { checkAnonymity, type FindingKind } from "~/anonymity/anonymity";

const faker = new Faker({ locale: [nl], seed: 2026 });
const COUNT = 300;
// Faker's list holds one mis-encoded name ("Ãmer"): values with it are skipped, nobody types that.

/** Values of one kind, each with the sentence it is written in. */
const SAMPLES: Record<string, { kind: FindingKind; make: () => string; sentence: (value: string) => string }> = {
  "full names": {
    kind: "name",
    make: () =>
      faker.helpers.arrayElement([faker.person.fullName(), `${faker.person.firstName()} ${faker.person.lastName()}`]),
    sentence: (value) => `Het gesprek met ${value} verliep moeizaam.`,
  },
  "street addresses": {
    kind: "address",
    make: () => faker.location.streetAddress(),
    sentence: (value) => `Het gezin woont sinds kort op ${value}, vlak bij de school.`,
  },
  "postcodes with a house number": {
    kind: "postcode",
    make: () => `${faker.location.zipCode()} ${faker.location.buildingNumber()}`,
    sentence: (value) => `Het nieuwe adres is ${value}.`,
  },
  "mobile numbers": {
    kind: "phone",
    make: () => faker.helpers.arrayElement(["06", "+316", "06-", "06 "]) + faker.string.numeric(8),
    sentence: (value) => `Vader is bereikbaar op ${value} na vijf uur.`,
  },
  "phone numbers in faker's formats": {
    kind: "phone",
    // Faker's Dutch formats also make 08xx and 09xx service numbers, which are not a person's: only mobiles and
    // landlines with an area code are taken.
    make: () => {
      for (;;) {
        const value = faker.phone.number();
        if (/^(?:\+31|0031|\(?0)[1-7]/.test(value.replace(/[\s()-]/g, "").replace(/^\(/, ""))) return value;
      }
    },
    sentence: (value) => `Bel ${value} als er niemand opneemt.`,
  },
  "e-mail addresses": {
    kind: "email",
    make: () => faker.internet.email(),
    sentence: (value) => `Haar e-mailadres is ${value}, zei de mentor.`,
  },
};

/** How many of COUNT values the guard found whole, and the sentences where it did not. */
function recall({ kind, make, sentence }: (typeof SAMPLES)[string]) {
  const missed: string[] = [];
  let tried = 0;
  while (tried < COUNT) {
    const value = make();
    if (value.includes("Ã")) continue;
    tried += 1;
    const text = sentence(value);
    // Faker's street names may start with an article ("de Nijsgracht"), which reads as the sentence's.
    const part = kind === "address" ? value.replace(/^(?:de|het) /, "") : value;
    const at = text.indexOf(part);
    const whole = checkAnonymity(text).some((f) => f.kind === kind && f.start <= at && f.end >= at + part.length);
    if (!whole) missed.push(text);
  }
  return { value: 1 - missed.length / COUNT, missed };
}

const FLOOR = 0.97;

describe("the anonymity guard on faker's Dutch data", () => {
  const results = Object.entries(SAMPLES).map(([name, sample]) => ({ name, ...recall(sample) }));

  it("prints the recall per kind of value and holds the floor for each", () => {
    console.log(
      [
        `Anonymity guard on faker's Dutch data (${COUNT} of each, found whole):`,
        ...results.map(
          ({ name, value, missed }) => `${name.padEnd(34)} recall ${value.toFixed(3)}  (${missed.length} missed)`,
        ),
      ].join("\n"),
    );
    for (const { name, value, missed } of results)
      expect(value, `${name}: ${missed.join("\n")}`).toBeGreaterThanOrEqual(FLOOR);
  });
});
