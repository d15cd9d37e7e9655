import { describe, expect, it } from "vitest";

import { SlugSchema as ContentSlugSchema } from "~/content/schemas";
import { FeedFileSchema } from "~/feeds/atom.server";
import { hasReaderRegionCookie, hasSessionCookie } from "~/http/cookie-names";
import { SLUG_MAX_LENGTH, SlugSchema, slugSchema } from "~/utils/params";

describe("the slug schema, one for content, URLs and forms", () => {
  it("accepts words of lowercase letters and digits joined by single hyphens", () => {
    for (const slug of ["zeeland", "noord-holland-noord", "art-6-lid-1", "2024"])
      expect(SlugSchema.safeParse(slug).success).toBe(true);
  });

  it("refuses anything else, and slugs past the length limit", () => {
    for (const slug of ["", "Zeeland", "a--b", "-a", "a-", "a_b", "a b", "ë", "a/b", "x".repeat(SLUG_MAX_LENGTH + 1)])
      expect(SlugSchema.safeParse(slug).success).toBe(false);
  });

  it("is the schema content validation uses, and forms word its refusal", () => {
    expect(ContentSlugSchema).toBe(SlugSchema);
    const refused = slugSchema("Kies de regio van uw leertuin.").safeParse("Zeeland!");
    expect(refused.success ? null : refused.error.issues[0]?.message).toBe("Kies de regio van uw leertuin.");
  });

  it("reads a feed's file name back to its slug", () => {
    expect(FeedFileSchema.parse("zeeland.atom")).toBe("zeeland");
    expect(FeedFileSchema.safeParse("zee--land.atom").success).toBe(false);
    expect(FeedFileSchema.safeParse("zeeland.rss").success).toBe(false);
  });
});

describe("cookie names", () => {
  it("finds the session cookie with or without the __Host- prefix, and nothing that only resembles it", () => {
    expect(hasSessionCookie("leertuin_sessie=abc")).toBe(true);
    expect(hasSessionCookie("a=1; __Host-leertuin_sessie=abc")).toBe(true);
    expect(hasSessionCookie("a=1;leertuin_sessie=abc")).toBe(true);
    expect(hasSessionCookie("oud_leertuin_sessie=abc")).toBe(false);
    expect(hasSessionCookie("leertuin_sessies=abc")).toBe(false);
    expect(hasSessionCookie(undefined)).toBe(false);
  });

  it("finds a reader's region choice", () => {
    expect(hasReaderRegionCookie("leertuin_sessie=x; mijn-regio=eyJ9")).toBe(true);
    expect(hasReaderRegionCookie("mijn-regio-oud=1")).toBe(false);
    expect(hasReaderRegionCookie(null)).toBe(false);
  });
});
