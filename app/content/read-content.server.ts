import fs from "node:fs";
import path from "node:path";

import matter from "gray-matter";
import YAML from "yaml";
import type { z } from "zod";

import { checkAnonymity } from "~/anonymity/anonymity";
import {
  ANSWER_SECTIONS,
  type AnswerSectionKey,
  type CodeKind,
  type Route,
  type Sector,
  type UnverifiedPoint,
  type Verdict,
} from "~/domain/vocabulary";
import { ALWAYS, editionInForce } from "~/editions/edition-in-force";
import { articleAnchor, parseArticleRef, slugify } from "./anchors";
import { splitSections } from "./markdown-sections";
import type { CodeFrontMatter } from "./schemas";
import {
  AnswerFrontMatterSchema,
  CodeFrontMatterSchema,
  DilemmaFrontMatterSchema,
  GlossaryFileSchema,
  LibrarySettingsSchema,
  RedirectsFileSchema,
  RegionFrontMatterSchema,
  SlugSchema,
  SynonymsFileSchema,
  ThemesFileSchema,
} from "./schemas";

export interface ContentProblem {
  file: string;
  field: string;
  message: string;
}

export class ContentValidationError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(
      `The content library has ${problems.length} problem${problems.length === 1 ? "" : "s"}; nothing was imported:\n` +
        problems.map((p) => `  ${p.file} › ${p.field}: ${p.message}`).join("\n"),
    );
    this.name = "ContentValidationError";
  }
}

export interface RegionContent {
  slug: string;
  name: string;
  province: string;
  since: string;
  /** The region's review cycle: an answer is reviewed this many years after it was agreed (null: not set). */
  reviewYears: number | null;
  descriptionMd: string;
  organisations: { name: string; sector: Sector }[];
}

export interface ArticleContent {
  anchor: string;
  heading: string;
  bodyMd: string;
  position: number;
}

/** One edition of a code: the text in force from `effectiveFrom` (oldest editions may use ALWAYS). */
export interface EditionContent {
  file: string;
  label: string;
  effectiveFrom: string;
  endsOn: string | null;
  sourceUrl: string;
  summaryMd: string;
  introMd: string;
  articles: ArticleContent[];
}


export interface CodeContent {
  slug: string;
  title: string;
  kind: CodeKind;
  issuer: string;
  profession: string | null;
  version: string;
  sourceUrl: string;
  introMd: string;
  /** The newest edition's articles plus anchors only older editions have, so every citation resolves. */
  articles: ArticleContent[];
  /** Oldest first; the last one is the current text. */
  editions: EditionContent[];
}

export interface DilemmaContent {
  slug: string;
  title: string;
  question: string;
  situationMd: string;
  purpose: string;
  holder: Sector;
  asking: Sector[];
  themes: string[];
  region: string;
  raisedOn: string;
}

export interface AnswerVersionContent {
  file: string;
  version: number;
  verdict: Verdict;
  route: Route;
  agreedOn: string;
  agreedBy: string;
  reviewBy: string | null;
  adoptedFrom: string | null;
  grounds: string[];
  codes: string[];
  conditions: string[];
  unverified: UnverifiedPoint[];
  sections: Record<AnswerSectionKey, string>;
}

export interface AnswerContent {
  region: string;
  dilemma: string;
  /** Oldest first; the last one is the current version. */
  versions: AnswerVersionContent[];
}

export interface LibrarySettings {
  illustrative: boolean;
  illustrativeNotice: string | null;
}

export interface GlossaryTerm {
  slug: string;
  term: string;
  also: string[];
  definitionMd: string;
}

export interface Library {
  settings: LibrarySettings;
  glossary: GlossaryTerm[];
  /** Old dilemma slug → the dilemma it was merged into. */
  redirects: Record<string, string>;
  themes: { slug: string; label: string }[];
  synonyms: string[][];
  regions: RegionContent[];
  codes: CodeContent[];
  dilemmas: DilemmaContent[];
  answers: AnswerContent[];
}

const ANSWER_FILE = /^([a-z0-9]+(?:-[a-z0-9]+)*)(?:\.v(\d+))?\.md$/;

/** Reads and validates the whole content folder; throws ContentValidationError listing every problem. */
export function readContent(root: string): Library {
  return readContentWithWarnings(root).library;
}

/**
 * readContent, plus what the anonymity guard warns about (a name, a date of birth, an age with a place):
 * no reason to stop an import, worth a look by whoever curates the library.
 */
export function readContentWithWarnings(root: string): { library: Library; warnings: ContentProblem[] } {
  const reader = new ContentReader(root);
  const library = reader.read();
  if (reader.problems.length > 0) throw new ContentValidationError(reader.problems);
  return { library, warnings: reader.warnings };
}

class ContentReader {
  readonly problems: ContentProblem[] = [];
  readonly warnings: ContentProblem[] = [];
  /** Slugs of files present, valid or not, so one broken file does not also break every reference to it. */
  private readonly present = { regions: new Set<string>(), dilemmas: new Set<string>() };

  constructor(private readonly root: string) {}

  read(): Library {
    const themes = this.readThemes();
    const synonyms = this.readSynonyms();
    const regions = this.markdownFiles("regions").flatMap((file) => this.readRegion(file));
    const codes = [
      ...this.markdownFiles("codes").flatMap((file) => this.readCode(file)),
      ...this.codeFolders().flatMap((dir) => this.readCodeFolder(dir)),
    ].sort((a, b) => a.slug.localeCompare(b.slug));
    const dilemmas = this.markdownFiles("dilemmas").flatMap((file) => this.readDilemma(file));
    const answers = this.readAnswers();
    const settings = this.readSettings();
    const glossary = this.readGlossary();
    const redirects = this.readRedirects(dilemmas);
    this.checkReferences({ themes, regions, codes, dilemmas, answers });
    return { settings, glossary, redirects, themes, synonyms, regions, codes, dilemmas, answers };
  }

  private problem(file: string, field: string, message: string) {
    this.problems.push({ file: this.relative(file), field, message });
  }

  /** The library is public: personal data that blocks is a problem, the rest a warning. */
  private checkAnonymity(file: string, field: string, text: string) {
    for (const finding of checkAnonymity(text)) {
      const problem = {
        file: this.relative(file),
        field,
        message: `expected no personal data; ${finding.kind} "${finding.text}": ${finding.suggestion}`,
      };
      (finding.severity === "block" ? this.problems : this.warnings).push(problem);
    }
  }

  private relative(file: string) {
    return path.join("content", path.relative(this.root, file));
  }

  private markdownFiles(folder: string): string[] {
    const dir = path.join(this.root, folder);
    if (!fs.existsSync(dir)) return [];
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith(".md") && e.name !== "README.md")
      .map((e) => path.join(dir, e.name))
      .sort();
  }

  private validate<S extends z.ZodType>(file: string, schema: S, data: unknown): z.infer<S> | null {
    const parsed = schema.safeParse(data);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      this.problem(file, issue.path.join(".") || "(front matter)", issue.message);
    }
    return null;
  }

  private parseMarkdown(file: string): { data: unknown; body: string } | null {
    try {
      // The yaml package (YAML 1.2) keeps dates as text, so an impossible date is not silently rolled over.
      const parsed = matter(fs.readFileSync(file, "utf8"), { engines: { yaml: (text) => YAML.parse(text) ?? {} } });
      if (Object.keys(parsed.data).length === 0) {
        this.problem(file, "(front matter)", "expected YAML front matter between --- lines at the top");
        return null;
      }
      return { data: parsed.data, body: parsed.content.trim() };
    } catch (error) {
      this.problem(file, "(front matter)", `expected valid YAML: ${(error as Error).message.split("\n")[0]}`);
      return null;
    }
  }

  private slugOf(file: string): string | null {
    const slug = path.basename(file, ".md");
    if (SlugSchema.safeParse(slug).success) return slug;
    this.problem(file, "(file name)", "expected a slug as file name: lowercase letters, digits and single hyphens");
    return null;
  }

  private readYaml(name: string): unknown {
    const file = path.join(this.root, name);
    if (!fs.existsSync(file)) return undefined;
    try {
      return YAML.parse(fs.readFileSync(file, "utf8"));
    } catch (error) {
      this.problem(file, "(file)", `expected valid YAML: ${(error as Error).message.split("\n")[0]}`);
      return undefined;
    }
  }

  private readThemes() {
    const file = path.join(this.root, "themes.yml");
    const data = this.readYaml("themes.yml");
    if (data === undefined) {
      if (!fs.existsSync(file)) this.problem(file, "(file)", "expected themes.yml with theme slugs and Dutch labels");
      return [];
    }
    const themes = this.validate(file, ThemesFileSchema, data);
    return themes ? Object.entries(themes).map(([slug, label]) => ({ slug, label })) : [];
  }

  private readSettings(): LibrarySettings {
    const data = this.readYaml("library.yml");
    const fallback = { illustrative: false, illustrativeNotice: null };
    if (data === undefined) return fallback;
    const settings = this.validate(path.join(this.root, "library.yml"), LibrarySettingsSchema, data);
    return settings ? { illustrative: settings.illustrative, illustrativeNotice: settings.illustrative_notice ?? null } : fallback;
  }

  private readGlossary(): GlossaryTerm[] {
    const file = path.join(this.root, "begrippen.yml");
    const data = this.readYaml("begrippen.yml");
    if (data === undefined) return [];
    const terms = this.validate(file, GlossaryFileSchema, data) ?? [];
    const seen = new Set<string>();
    return terms.map((t, i) => {
      const slug = t.slug ?? slugify(t.term);
      if (seen.has(slug)) this.problem(file, `${i}.slug`, `expected a unique term; '${slug}' is used twice`);
      seen.add(slug);
      return { slug, term: t.term, also: t.also, definitionMd: t.definition };
    });
  }

  /** Merged dilemmas: the old slug is no dilemma of its own any more, the new one is. */
  private readRedirects(dilemmas: DilemmaContent[]): Record<string, string> {
    const file = path.join(this.root, "redirects.yml");
    const data = this.readYaml("redirects.yml");
    if (data === undefined) return {};
    const redirects = this.validate(file, RedirectsFileSchema, data)?.dilemmas ?? {};
    const slugs = new Set(dilemmas.map((d) => d.slug));
    for (const [from, to] of Object.entries(redirects)) {
      if (this.present.dilemmas.has(from)) this.problem(file, `dilemmas.${from}`, "expected a slug that is no longer a dilemma file");
      if (!slugs.has(to)) this.problem(file, `dilemmas.${from}`, `expected a dilemma in content/dilemmas; '${to}' is not there`);
    }
    return redirects;
  }

  private readSynonyms() {
    const data = this.readYaml("synonyms.yml");
    if (data === undefined) return [];
    const groups = this.validate(path.join(this.root, "synonyms.yml"), SynonymsFileSchema, data);
    return groups?.map((group) => group.map((word) => word.toLowerCase())) ?? [];
  }

  private readRegion(file: string): RegionContent[] {
    const slug = this.slugOf(file);
    if (slug) this.present.regions.add(slug);
    const parsed = this.parseMarkdown(file);
    const front = parsed && this.validate(file, RegionFrontMatterSchema, parsed.data);
    if (!slug || !parsed || !front) return [];
    const { review_years: reviewYears, ...rest } = front;
    return [{ slug, ...rest, reviewYears: reviewYears ?? null, descriptionMd: parsed.body }];
  }

  private codeFolders(): string[] {
    const dir = path.join(this.root, "codes");
    if (!fs.existsSync(dir)) return [];
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => path.join(dir, e.name))
      .sort();
  }

  /** One file, one edition: the single-file format, still valid. */
  private readCode(file: string): CodeContent[] {
    const slug = this.slugOf(file);
    const edition = this.readEdition(file, false);
    if (!slug || !edition) return [];
    return [this.codeOf(slug, [edition])];
  }

  /** content/codes/<slug>/<effective-date>.md: one file per edition. */
  private readCodeFolder(dir: string): CodeContent[] {
    const slug = path.basename(dir);
    if (!SlugSchema.safeParse(slug).success) {
      this.problem(dir, "(folder name)", "expected a slug as folder name: lowercase letters, digits and single hyphens");
      return [];
    }
    if (fs.existsSync(`${dir}.md`)) this.problem(dir, "(folder)", `expected either ${slug}.md or the folder ${slug}/, not both`);
    const files = this.markdownFiles(path.join("codes", slug));
    if (files.length === 0) this.problem(dir, "(folder)", "expected at least one edition as <effective-date>.md");
    const editions = files.flatMap((file) => {
      const edition = this.readEdition(file, true);
      return edition ? [edition] : [];
    });
    if (editions.length === 0) return [];
    editions.sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
    return [this.codeOf(slug, editions)];
  }

  private editionFronts = new Map<string, CodeFrontMatter>();

  private readEdition(file: string, inFolder: boolean): EditionContent | null {
    const parsed = this.parseMarkdown(file);
    const front = parsed && this.validate(file, CodeFrontMatterSchema, parsed.data);
    if (!parsed || !front) return null;
    if (inFolder) {
      const name = path.basename(file, ".md");
      if (!front.effective) this.problem(file, "effective", "expected the date this edition took effect");
      else if (name !== front.effective) this.problem(file, "(file name)", `expected the effective date as file name: ${front.effective}.md`);
    }
    if (front.ends && front.effective && front.ends <= front.effective) this.problem(file, "ends", "expected an end date after the effective date");
    const { intro, sections } = splitSections(parsed.body);
    if (sections.length === 0) this.problem(file, "(body)", "expected at least one article as a '## ' heading");
    const seen = new Set<string>();
    const articles = sections.map((section, position) => {
      const anchor = articleAnchor(section.heading);
      if (!anchor) this.problem(file, `## ${section.heading}`, "expected a heading that starts with the article's number");
      if (seen.has(anchor)) this.problem(file, `## ${section.heading}`, `expected a unique anchor; '${anchor}' is used twice`);
      if (!section.body) this.problem(file, `## ${section.heading}`, "expected a summary of the article below its heading");
      seen.add(anchor);
      return { anchor, heading: section.heading, bodyMd: section.body, position };
    });
    this.editionFronts.set(file, front);
    return {
      file: this.relative(file),
      label: front.version,
      effectiveFrom: front.effective ?? ALWAYS,
      endsOn: front.ends ?? null,
      sourceUrl: front.source,
      summaryMd: front.summary ?? "",
      introMd: intro,
      articles,
    };
  }

  /** The code as a whole takes its title, issuer and text from its newest edition. */
  private codeOf(slug: string, editions: EditionContent[]): CodeContent {
    const newest = editions.at(-1)!;
    const front = this.editionFronts.get(path.join(this.root, path.relative("content", newest.file)))!;
    const articles = [...newest.articles];
    const anchors = new Set(articles.map((a) => a.anchor));
    for (const edition of [...editions].reverse()) {
      for (const article of edition.articles) {
        if (anchors.has(article.anchor)) continue;
        anchors.add(article.anchor);
        articles.push({ ...article, position: articles.length });
      }
    }
    return {
      slug,
      title: front.title,
      kind: front.kind,
      issuer: front.issuer,
      profession: front.profession ?? null,
      version: newest.label,
      sourceUrl: newest.sourceUrl,
      introMd: newest.introMd,
      articles,
      editions,
    };
  }

  private readDilemma(file: string): DilemmaContent[] {
    const slug = this.slugOf(file);
    if (slug) this.present.dilemmas.add(slug);
    const parsed = this.parseMarkdown(file);
    const front = parsed && this.validate(file, DilemmaFrontMatterSchema, parsed.data);
    if (!slug || !parsed || !front) return [];
    if (!parsed.body) this.problem(file, "(body)", "expected the situation as markdown below the front matter");
    for (const field of ["title", "question", "purpose"] as const) this.checkAnonymity(file, field, front[field] ?? "");
    this.checkAnonymity(file, "(body)", parsed.body);
    return [
      {
        slug,
        title: front.title,
        question: front.question,
        situationMd: parsed.body,
        purpose: front.purpose ?? "",
        holder: front.holder,
        asking: [...new Set(front.asking)],
        themes: [...new Set(front.themes)],
        region: front.region,
        raisedOn: front.raised,
      },
    ];
  }

  private readAnswers(): AnswerContent[] {
    const dir = path.join(this.root, "answers");
    if (!fs.existsSync(dir)) return [];
    const answers = new Map<string, AnswerContent>();
    for (const regionDir of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const regionPath = path.join(dir, regionDir.name);
      if (!regionDir.isDirectory()) {
        if (regionDir.name.endsWith(".md")) this.problem(regionPath, "(path)", "expected answers in content/answers/<region>/<dilemma>.md");
        continue;
      }
      for (const file of this.markdownFiles(path.join("answers", regionDir.name))) {
        const name = ANSWER_FILE.exec(path.basename(file));
        if (!name) {
          this.problem(file, "(file name)", "expected <dilemma-slug>.md or <dilemma-slug>.v<N>.md");
          continue;
        }
        const version = this.readAnswerVersion(file, name[2] ? Number(name[2]) : null);
        if (!version) continue;
        const key = `${regionDir.name}/${name[1]}`;
        const answer = answers.get(key) ?? { region: regionDir.name, dilemma: name[1]!, versions: [] };
        answer.versions.push(version);
        answers.set(key, answer);
      }
    }
    for (const answer of answers.values()) this.checkVersions(answer);
    return [...answers.values()];
  }

  private readAnswerVersion(file: string, versionInName: number | null): AnswerVersionContent | null {
    const parsed = this.parseMarkdown(file);
    const front = parsed && this.validate(file, AnswerFrontMatterSchema, parsed.data);
    if (!parsed || !front) return null;
    if (versionInName !== null && front.version !== versionInName) {
      this.problem(file, "version", `expected ${versionInName}, the version in the file name`);
    }
    const { intro, sections } = splitSections(parsed.body);
    if (intro) this.problem(file, "(body)", "expected no text before the first section heading");
    const byHeading = new Map(sections.map((s) => [s.heading.toLowerCase(), s.body]));
    const known = new Set(ANSWER_SECTIONS.map((s) => s.heading.toLowerCase()));
    for (const section of sections) {
      if (!known.has(section.heading.toLowerCase())) {
        this.problem(file, `## ${section.heading}`, `expected only the sections ${ANSWER_SECTIONS.map((s) => s.heading).join(", ")}`);
      }
    }
    const texts = {} as Record<AnswerSectionKey, string>;
    for (const { key, heading } of ANSWER_SECTIONS) {
      const body = byHeading.get(heading.toLowerCase());
      if (!body) this.problem(file, `## ${heading}`, "expected this section with text");
      texts[key] = body ?? "";
      this.checkAnonymity(file, `## ${heading}`, texts[key]);
    }
    front.conditions.forEach((condition, i) => this.checkAnonymity(file, `conditions.${i}`, condition));
    this.checkAnonymity(file, "agreed_by", front.agreed_by ?? "");
    front.unverified.forEach((u, i) => this.checkAnonymity(file, `unverified.${i}`, u.point));
    return {
      file: this.relative(file),
      version: front.version,
      verdict: front.verdict,
      route: front.route,
      agreedOn: front.agreed,
      agreedBy: front.agreed_by ?? "",
      reviewBy: front.review_by ?? null,
      adoptedFrom: front.adopted_from ?? null,
      grounds: [...new Set(front.grounds)],
      codes: [...new Set(front.codes)],
      conditions: front.conditions,
      unverified: front.unverified,
      sections: texts,
    };
  }

  private checkVersions(answer: AnswerContent) {
    answer.versions.sort((a, b) => a.version - b.version);
    const current = path.join("content", "answers", answer.region, `${answer.dilemma}.md`);
    if (!answer.versions.some((v) => v.file === current)) {
      this.problems.push({ file: current, field: "(file)", message: "expected the current version beside its earlier versions" });
      return;
    }
    const last = answer.versions.at(-1)!;
    if (last.file !== current) {
      this.problems.push({ file: current, field: "version", message: `expected a version above every earlier version (found v${last.version} beside it)` });
    }
    answer.versions.forEach((v, i) => {
      const previous = answer.versions[i - 1];
      if (previous && previous.version === v.version) {
        this.problems.push({ file: v.file, field: "version", message: `expected a unique version number; ${v.version} is also in ${previous.file}` });
      }
      if (previous && previous.agreedOn > v.agreedOn) {
        this.problems.push({ file: v.file, field: "agreed", message: `expected a date on or after version ${previous.version}'s (${previous.agreedOn})` });
      }
    });
  }

  /** An answer cites the text in force on its agreed date: that edition must exist and hold the article. */
  private checkEditionOf(file: string, field: string, ref: string, code: CodeContent, agreedOn: string) {
    const edition = editionInForce(code.editions, agreedOn);
    const anchor = ref.split("#")[1];
    if (!edition) {
      this.problem(file, field, `expected a text in force on ${agreedOn}; the first edition of '${code.slug}' took effect on ${code.editions[0]!.effectiveFrom}`);
    } else if (edition.endsOn && edition.endsOn <= agreedOn) {
      this.problem(file, field, `expected a text in force on ${agreedOn}; '${code.slug}' lapsed on ${edition.endsOn}`);
    } else if (!edition.articles.some((a) => a.anchor === anchor)) {
      this.problem(file, field, `expected '${ref}' in the edition in force on ${agreedOn} (${edition.label}); it is not there`);
    }
  }

  private checkReferences(library: Pick<Library, "themes" | "regions" | "codes" | "dilemmas" | "answers">) {
    const themes = new Set(library.themes.map((t) => t.slug));
    const regions = this.present.regions;
    const dilemmas = new Map(library.dilemmas.map((d) => [d.slug, d]));
    const articles = new Set(library.codes.flatMap((c) => c.articles.map((a) => `${c.slug}#${a.anchor}`)));
    const codeSlugs = new Set(library.codes.map((c) => c.slug));
    const codes = new Map(library.codes.map((c) => [c.slug, c]));
    const answerKeys = new Set(library.answers.map((a) => `${a.region}/${a.dilemma}`));
    const dilemmaFile = (slug: string) => path.join(this.root, "dilemmas", `${slug}.md`);

    for (const dilemma of library.dilemmas) {
      if (!regions.has(dilemma.region)) {
        this.problem(dilemmaFile(dilemma.slug), "region", `expected a region in content/regions; '${dilemma.region}' is not there`);
      }
      for (const theme of dilemma.themes) {
        if (!themes.has(theme)) this.problem(dilemmaFile(dilemma.slug), "themes", `expected a theme from content/themes.yml; '${theme}' is not there`);
      }
    }
    for (const answer of library.answers) {
      const dilemma = dilemmas.get(answer.dilemma);
      for (const version of answer.versions) {
        const file = path.join(this.root, path.relative("content", version.file));
        if (!regions.has(answer.region)) this.problem(file, "(path)", `expected a region folder; '${answer.region}' is not in content/regions`);
        if (!this.present.dilemmas.has(answer.dilemma)) {
          this.problem(file, "(path)", `expected a dilemma; '${answer.dilemma}' is not in content/dilemmas`);
        }
        if (dilemma && version.agreedOn < dilemma.raisedOn) {
          this.problem(file, "agreed", `expected a date on or after the dilemma was raised (${dilemma.raisedOn})`);
        }
        for (const field of ["grounds", "codes", "unverified"] as const) {
          const refs = field === "unverified" ? version.unverified.flatMap((u) => (u.reference ? [u.reference] : [])) : version[field];
          for (const ref of refs) {
            const parsed = parseArticleRef(ref);
            if (parsed && !codeSlugs.has(parsed.codeSlug)) this.problem(file, field, `expected a code in content/codes; '${parsed.codeSlug}' is not there`);
            else if (!articles.has(ref)) this.problem(file, field, `expected an existing article; '${ref}' has no such heading`);
            else if (parsed && field !== "unverified") this.checkEditionOf(file, field, ref, codes.get(parsed.codeSlug)!, version.agreedOn);
          }
        }
        if (version.adoptedFrom) {
          if (version.adoptedFrom === answer.region) this.problem(file, "adopted_from", "expected another region than the answer's own");
          else if (!answerKeys.has(`${version.adoptedFrom}/${answer.dilemma}`)) {
            this.problem(file, "adopted_from", `expected a region with an answer to the same dilemma; '${version.adoptedFrom}' has none`);
          }
        }
      }
    }
  }
}
