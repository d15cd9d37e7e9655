// What people type to step around the guard (fullwidth and Arabic-Indic digits, zero-width spaces, soft
// hyphens, no-break spaces, odd dashes, the letter o for a zero) is read as plain text, and every finding
// still points at the author's own characters, so the form marks the right ones.
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { checkAnonymity, type Finding } from "~/anonymity/anonymity";
import { normalise } from "~/anonymity/normalise";

const INVISIBLES = ["\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD"];
const SPACES = ["\u00A0", "\u2009", "\u202F", "\u2007", "\u3000", " "];
const DASHES = ["\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2212", "\uFF0D", "-"];
const digitIn = (zero: number) => (digit: string) => String.fromCodePoint(zero + Number(digit));
const SCRIPTS: Record<string, (digit: string) => string> = {
  ascii: (digit) => digit,
  fullwidth: digitIn(0xff10),
  arabicIndic: digitIn(0x0660),
  easternArabicIndic: digitIn(0x06f0),
  devanagari: digitIn(0x0966),
  mathematicalBold: digitIn(0x1d7ce),
};

function only(text: string): Finding {
  const findings = checkAnonymity(text);
  expect(findings, JSON.stringify(findings)).toHaveLength(1);
  return findings[0]!;
}

/** The finding covers exactly `part` of `text`, at its place in the original. */
function expectFound(text: string, part: string, kind: Finding["kind"]) {
  const finding = only(text);
  expect(finding.kind).toBe(kind);
  expect(finding.text).toBe(part);
  expect(finding.start).toBe(text.indexOf(part));
  expect(text.slice(finding.start, finding.end)).toBe(part);
}

describe("normalisation before matching", () => {
  it.each(Object.entries(SCRIPTS))("reads %s digits in a phone number, a BSN and a postcode", (_, digits) => {
    const phone = [..."06-12345678"].map((c) => (/\d/.test(c) ? digits(c) : c)).join("");
    expectFound(`Bel moeder op ${phone} na school.`, phone, "phone");
    const bsn = [..."123456782"].map(digits).join("");
    expectFound(`Het BSN is ${bsn}.`, bsn, "bsn");
    const postcode = `${[..."4331"].map(digits).join("")} AB ${digits("1")}${digits("2")}`;
    expectFound(`Het gezin woont op ${postcode}.`, postcode, "postcode");
  });

  it.each([...INVISIBLES, ...SPACES, ...DASHES])("sees through U+%s inside a phone number", (char) => {
    const phone = `06${char}1234${char}5678`;
    expectFound(`Bel ${phone} vandaag.`, phone, "phone");
  });

  it.each(INVISIBLES)("sees through an invisible character inside a BSN, an IBAN and a street", (char) => {
    const bsn = `1234${char}56782`;
    expectFound(`BSN ${bsn} staat in het dossier.`, bsn, "bsn");
    const iban = `NL91${char}ABNA${char}0417164300`;
    expectFound(`Rekening ${iban} van moeder.`, iban, "iban");
    const street = `Kerk${char}straat 1${char}2`;
    expectFound(`Zij woont op de ${street}.`, street, "address");
  });

  it("reads the letter o as a zero where it makes a phone number", () => {
    expectFound("Bel o6-12345678 als hij er niet is.", "o6-12345678", "phone");
    expectFound("Bel O6 12 34 56 78.", "O6 12 34 56 78", "phone");
    expectFound("Vaste lijn: o2o-1234567", "o2o-1234567", "phone");
    expectFound("Mobiel 06-1234567o", "06-1234567o", "phone");
    // Not in words: "oost", "o.a." and a bank code stay letters.
    expect(checkAnonymity("Zie o.a. de regio oost 6 keer.")).toEqual([]);
    expect(checkAnonymity("Rekening NL44TRIO3273852454.").map((f) => f.kind)).toEqual(["iban"]);
  });

  it("keeps offsets right when a character becomes several or none", () => {
    const text = "ﬁ\u00AD\u200B㎡ ½ — bel ０６\u00AD１２３４５６７８ of mail ｊａｎ＠ｓｃｈｏｏｌ．ｎｌ";
    const findings = checkAnonymity(text);
    expect(findings.map((f) => [f.kind, f.text])).toEqual([
      ["phone", "０６\u00AD１２３４５６７８"],
      ["email", "ｊａｎ＠ｓｃｈｏｏｌ．ｎｌ"],
    ]);
    for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.text);
  });

  it("composes a letter with its combining accent, so a name keeps its letters", () => {
    // "Zoe\u0308" is "Zoë" typed with a combining diaeresis.
    const text = "De moeder, mevrouw Zoe\u0308 Özdemir-Jansen, belde.";
    const finding = only(text);
    expect(finding.kind).toBe("name");
    expect(finding.text).toBe("mevrouw Zoe\u0308 Özdemir-Jansen");
  });

  it("maps an empty span to a point and leaves plain text as it is", () => {
    const plain = normalise("Gewone tekst, 12 maart.");
    expect(plain.text).toBe("Gewone tekst, 12 maart.");
    expect(plain.toOriginal(3, 7)).toEqual([3, 7]);
    const odd = normalise("a\u200Bb");
    expect(odd.text).toBe("ab");
    expect(odd.toOriginal(1, 2)).toEqual([2, 3]);
    expect(odd.toOriginal(0, 2)).toEqual([0, 3]);
  });
});

// Pieces that make findings, the characters that disturb them, and arbitrary text around them.
const piece = fc.oneof(
  fc.constantFrom(
    "06-12345678",
    "o6 12345678",
    "123456782",
    "NL91ABNA0417164300",
    "4331 AB 12",
    "1234ab 12",
    "Kerkstr. 12",
    "Oude Delft 112",
    "naam at school punt nl",
    "j.smit@lyceum.nl",
    "mevrouw Jansen",
    "geboren op 12 maart 2015",
    "een 12-jarige uit Goes",
    "BSN 49330949",
  ),
  fc.constantFrom(...INVISIBLES, ...SPACES, ...DASHES, "e\u0301", "🙂", "\uD83D", "ﬁ", "½", "\n", ". "),
  fc.string({ unit: "grapheme", maxLength: 8 }),
  fc.string({ unit: "binary", maxLength: 4 }),
);
const hostileText = fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join(" "));

describe("offsets into the original text (property)", () => {
  it("always slice the original: in bounds, ordered, without overlaps, never inside a surrogate pair", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        let previousEnd = 0;
        for (const f of checkAnonymity(text)) {
          expect(f.start).toBeGreaterThanOrEqual(previousEnd);
          expect(f.end).toBeGreaterThan(f.start);
          expect(f.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(f.start, f.end)).toBe(f.text);
          const splitsPair = (at: number) =>
            at > 0 && /[\uD800-\uDBFF]/.test(text[at - 1]!) && /[\uDC00-\uDFFF]/.test(text[at] ?? "");
          expect(splitsPair(f.start) || splitsPair(f.end)).toBe(false);
          previousEnd = f.end;
        }
      }),
      { numRuns: 400 },
    );
  });

  it("find a phone number however its digits are written and disturbed, and mark all of it", () => {
    const disturbance = fc.constantFrom("", "", "", ...INVISIBLES, ...SPACES.slice(0, 3));
    const script = fc.constantFrom(...Object.values(SCRIPTS));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(script, disturbance), { minLength: 10, maxLength: 10 }),
        fc.constantFrom(...DASHES),
        (digits, dash) => {
          const phone = [..."0612345678"]
            .map((digit, i) => {
              const [write, after] = digits[i]!;
              return write(digit) + (i === 1 ? dash : i < 9 ? after : "");
            })
            .join("");
          const text = `De vader is bereikbaar op ${phone}, ook in het weekend.`;
          const finding = only(text);
          expect(finding.kind).toBe("phone");
          expect(finding.text).toBe(phone);
        },
      ),
      { numRuns: 300 },
    );
  });
});
