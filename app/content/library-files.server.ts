import fs from "node:fs";
import path from "node:path";

import { redirect } from "@remix-run/node";
import YAML from "yaml";
import type { z } from "zod";

import { dilemmaPath } from "~/utils/paths";
import { singleton } from "~/utils/singleton.server";
import { slugify } from "./anchors";
import { contentRoot } from "./content-root.server";
import type { GlossaryTerm, LibrarySettings } from "./read-content.server";
import { GlossaryFileSchema, LibrarySettingsSchema, RedirectsFileSchema } from "./schemas";

/*
 * The library's files the pages read directly, once per process (like content/synonyms.yml): the
 * settings, the glossary and the redirects of merged dilemmas. The importer validates the same files
 * with the same schemas, so a broken file stops `npm run content:import` and the tests first.
 */

function readFile<S extends z.ZodType>(name: string, schema: S): z.infer<S> | undefined {
  const file = path.join(contentRoot(), name);
  if (!fs.existsSync(file)) return undefined;
  return schema.parse(YAML.parse(fs.readFileSync(file, "utf8")));
}

export function librarySettings(): LibrarySettings {
  return singleton("content:library.yml", () => {
    const settings = readFile("library.yml", LibrarySettingsSchema);
    return {
      illustrative: settings?.illustrative ?? false,
      illustrativeNotice: settings?.illustrative ? (settings.illustrative_notice ?? null) : null,
    };
  });
}

/** The sentence that says the starter library is illustrative, or null when it is switched off. */
export function illustrativeNotice(): string | null {
  return librarySettings().illustrativeNotice;
}

export function glossary(): GlossaryTerm[] {
  return singleton("content:begrippen.yml", () =>
    (readFile("begrippen.yml", GlossaryFileSchema) ?? []).map((t) => ({
      slug: t.slug ?? slugify(t.term),
      term: t.term,
      also: t.also,
      definitionMd: t.definition,
    })),
  );
}

/** The dilemma an old (merged) dilemma slug now lives in, or null. */
export function mergedDilemmaTarget(slug: string): string | null {
  const redirects = singleton(
    "content:redirects.yml",
    () => new Map(Object.entries(readFile("redirects.yml", RedirectsFileSchema)?.dilemmas ?? {})),
  );
  return redirects.get(slug) ?? null;
}

/** A GET for a merged dilemma's old address is sent on, permanently, to the dilemma it went into. */
export function redirectIfMerged(request: Request, slug: string): void {
  if (request.method !== "GET" && request.method !== "HEAD") return;
  const target = mergedDilemmaTarget(slug);
  if (target) throw redirect(dilemmaPath(target), 301);
}

/** Each glossary term with one pattern for its names, made once per glossary (not per page view). */
const glossaryPatterns = new WeakMap<GlossaryTerm[], { slug: string; term: string; pattern: RegExp }[]>();

/** The glossary's terms that occur in a text (by term or one of its other names), in glossary order, for links to /begrippen. */
export function glossaryTermsIn(text: string): { slug: string; term: string }[] {
  const terms = glossary();
  let patterns = glossaryPatterns.get(terms);
  if (!patterns) {
    patterns = terms.map((t) => {
      const names = [t.term, ...t.also].map((name) => name.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
      // A Dutch plural (-s, -en, -'s) still counts: "regisseurs" is about the regisseur.
      return {
        slug: t.slug,
        term: t.term,
        pattern: new RegExp(`(^|[^\\p{L}\\p{N}])(${names.join("|")})(s|en|'s)?([^\\p{L}\\p{N}]|$)`, "u"),
      };
    });
    glossaryPatterns.set(terms, patterns);
  }
  const haystack = ` ${text.toLowerCase()} `;
  return patterns.filter((t) => t.pattern.test(haystack)).map(({ slug, term }) => ({ slug, term }));
}
