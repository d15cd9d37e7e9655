import { describe, expect, it } from "vitest";

import { glossaryTermsIn } from "~/content/library-files.server";

// The glossary of content/begrippen.yml, found in a text so a page can link its jargon to /begrippen.
describe("glossaryTermsIn", () => {
  const slugs = (text: string) => glossaryTermsIn(text).map((t) => t.slug);

  it("finds a term by its name, by another name and in the plural, whatever the case", () => {
    expect(slugs("De Regisseur van de gemeente")).toContain("regisseur");
    expect(slugs("Twee regisseurs overleggen")).toContain("regisseur");
    expect(slugs("Het casusoverleg in het ZVH")).toContain("zorg-en-veiligheidshuis");
    expect(slugs("een ondertoezichtstelling (ots)")).toContain("ondertoezichtstelling");
  });

  it("does not find a term inside another word", () => {
    expect(slugs("De savegame en de meldcodes-app")).not.toContain("save");
    expect(slugs("Een regisseursrol")).not.toContain("regisseur");
  });

  it("finds nothing in a text without jargon", () => {
    expect(glossaryTermsIn("Het regent vandaag.")).toEqual([]);
  });
});
