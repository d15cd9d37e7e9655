// npx tsx scripts/build-anonymity-data.ts — writes the anonymity guard's name data (app/anonymity/data/)
// from the Dutch and Flemish locales of @faker-js/faker (MIT): first names, surnames and street types.
// The output is committed; run this again after upgrading faker and review the diff.
import { copyFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

import { nl, nl_BE } from "@faker-js/faker";
import { format } from "prettier";

const OUT = path.resolve("app/anonymity/data");

// First names that are also Dutch words, months, places or English words a text may capitalise before
// another capitalised word ("Storm Ciarán", "Job Coach", "Lieve Ouders"): left out, as the hand-made list did.
const AMBIGUOUS_FIRST_NAMES = new Set(
  `ace ben bent boet can dean dex dies don elle fender flip fos foss grace gust ise ize jazz job joy jur june
   kaat kick len lex lieve linde loet lore lou lune lux maan maas mace mare mart mas medina miel miles mink moos
   nand nova nox pip puck rein riff riv rover sare sep storm ted teddy vere vesper vic vienna victoria florence
   vik vive warre wolf lander`.split(/\s+/),
);
// Surnames that are everyday words ("Groen", "Post", "Klein"): kept out of the list that lets an unknown
// first name count as one, so "Sociaal Klein" or "Veilig Post" are not names.
const AMBIGUOUS_SURNAMES = new Set("bijl boer bos bosch groen klein kok koning maas mol post vos".split(" "));

const definitions = (locale: typeof nl) => locale.person!;
const firstNames = [nl, nl_BE].flatMap((locale) => {
  const names = definitions(locale).first_name!;
  return [...(names.female ?? []), ...(names.male ?? []), ...(names.generic ?? [])];
});
const surnames = [nl, nl_BE].flatMap((locale) => definitions(locale).last_name!.generic ?? []);
const streetSuffixes = [nl, nl_BE].flatMap((locale) => locale.location!.street_suffix ?? []);

/** Lower case, NFC, without duplicates, sorted the Dutch way: the form the guard looks names up in. */
function list(values: string[], leaveOut: ReadonlySet<string> = new Set()): string[] {
  const lower = values.map((value) => value.normalize("NFC").trim().toLowerCase()).filter(Boolean);
  // A stray mis-encoded name in faker's list ("Ãmer") is not a name anyone types.
  const clean = lower.filter((value) => !/[ã]/.test(value) && !leaveOut.has(value));
  return [...new Set(clean)].sort((a, b) => a.localeCompare(b, "nl"));
}

async function write(file: string, values: string[]) {
  // Formatted as `npm run format` would, so CI's format check passes on the generated files.
  writeFileSync(path.join(OUT, file), await format(JSON.stringify(values), { parser: "json", printWidth: 120 }));
  console.log(`${file}: ${values.length} entries`);
}

await write("first-names.json", list(firstNames, AMBIGUOUS_FIRST_NAMES));
await write("surnames.json", list(surnames, AMBIGUOUS_SURNAMES));
await write("street-suffixes.json", list(streetSuffixes));
// MIT asks that the copyright and permission notice travel with substantial portions of the data.
const fakerPackage = createRequire(import.meta.url).resolve("@faker-js/faker/package.json");
copyFileSync(path.join(path.dirname(fakerPackage), "LICENSE"), path.join(OUT, "LICENSE-faker.txt"));
console.log("LICENSE-faker.txt: copied");
