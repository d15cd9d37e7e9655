/**
 * Every address the app builds, in one place: pages, feeds, API and fragments. A plain module, so
 * components, loaders and server modules (feeds, sitemap, mail, JSON-LD, open data) link alike.
 * Query strings go through URLSearchParams; slugs and anchors are URL-safe by their schemas.
 */

type Query = Record<string, string | number | readonly string[] | undefined | null>;

/** `?a=1&b=2` from the defined values (arrays repeat the key), or "" when nothing is left. */
export function queryString(query: Query | URLSearchParams): string {
  const params = new URLSearchParams();
  if (query instanceof URLSearchParams) query.forEach((value, key) => params.append(key, value));
  else
    for (const [key, value] of Object.entries(query)) {
      if (value === undefined || value === null || value === "") continue;
      if (Array.isArray(value)) for (const v of value as readonly string[]) params.append(key, v);
      else params.append(key, String(value));
    }
  const text = params.toString();
  return text ? `?${text}` : "";
}

const withHash = (path: string, hash?: string) => (hash ? `${path}#${hash}` : path);

// Library: dilemmas and their regional answers.

export const dilemmasPath = (query: { thema?: string } = {}) => `/dilemmas${queryString(query)}`;
export const dilemmaPath = (slug: string, options: { regio?: string; voorgesteld?: 1; hash?: string } = {}) =>
  withHash(`/dilemmas/${slug}${queryString({ regio: options.regio, voorgesteld: options.voorgesteld })}`, options.hash);
/** The dilemma page opened at one region's answer. */
export const dilemmaAnswerPath = (slug: string, regionSlug: string) => dilemmaPath(slug, { hash: regionSlug });
export const commentPath = (dilemmaSlug: string, commentId: number) =>
  dilemmaPath(dilemmaSlug, { hash: `reactie-${commentId}` });
export const versionPath = (
  dilemmaSlug: string,
  regionSlug: string,
  version: number,
  query: { gepubliceerd?: 1 } = {},
) => `/dilemmas/${dilemmaSlug}/afspraken/${regionSlug}/${version}${queryString(query)}`;
export const adoptPath = (dilemmaSlug: string, regionSlug: string, version: number) =>
  `${versionPath(dilemmaSlug, regionSlug, version)}/overnemen`;
export const editAnswerPath = (dilemmaSlug: string, regionSlug: string, query: { opgeslagen?: 1 } = {}) =>
  `/dilemmas/${dilemmaSlug}/afspraken/${regionSlug}/bewerken${queryString(query)}`;
/** The answers of a dilemma side by side, optionally two or more regions chosen. */
export const compareDilemmaPath = (dilemmaSlug: string, regionSlugs: readonly string[] = []) =>
  `/dilemmas/${dilemmaSlug}/vergelijk${queryString({ regio: regionSlugs })}`;
/** The regions compared across the library. */
export const compareRegionsPath = (regionSlugs: readonly string[] = []) =>
  `/vergelijk${queryString({ regio: regionSlugs })}`;

// Regions.

export const regionsPath = () => "/regios";
/** A region's page; `herziening` lists only the answers due for review, `hash` opens it at a section. */
export const regionPath = (slug: string, options: { herziening?: 1; hash?: string } = {}) =>
  withHash(`/regios/${slug}${queryString({ herziening: options.herziening })}`, options.hash);
export const agendaPath = (slug: string) => `/regios/${slug}/agenda`;
export const reviewPath = (slug: string) => `/regios/${slug}/herziening`;
export const rulebookPath = (slug: string, query: { thema?: string } = {}) =>
  `/regios/${slug}/spelregels${queryString(query)}`;

// Codes of conduct and laws.

export const codesPath = () => "/beroepscodes";
/** A code, optionally an older edition (its effective date) and an article's anchor. */
export const codePath = (slug: string, options: { editie?: string; anchor?: string } = {}) =>
  withHash(`/beroepscodes/${slug}${queryString({ editie: options.editie })}`, options.anchor);
/** An article: `ref` is `<code-slug>#<anchor>`, as content and citations write it. */
export const articlePath = (ref: string) => {
  const [code = "", anchor] = ref.split("#");
  return codePath(code, { anchor });
};
/** Where an article changed in the newest edition of its code: a code slug and anchor, or a `code#anchor` ref. */
export function articleChangePath(codeOrRef: string, anchor?: string) {
  const [code = "", article] = anchor === undefined ? codeOrRef.split("#") : [codeOrRef, anchor];
  return codePath(code, { anchor: `wijziging-${article}` });
}
export const termPath = (slug: string) => `/begrippen#${slug}`;

// Search and the weighing aid.

export const searchPath = (query: Query = {}) => `/zoeken${queryString(query)}`;
/** The weighing aid with the answers given as its query string (already encoded). */
export const weighingPath = (query = "") => (query ? `/afwegen?${query}` : "/afwegen");
export const suggestionsApiPath = (q: string) => `/api/suggesties${queryString({ q })}`;

// Open data and feeds.

export const regionAnswersJsonPath = (slug: string) => `/api/regios/${slug}/afspraken.json`;
export const regionAnswersCsvPath = (slug: string) => `/api/regios/${slug}/afspraken.csv`;
export const regionAnswersExcelPath = (slug: string) => `/api/regios/${slug}/afspraken-excel.csv`;
export const regionReviewJsonPath = (slug: string) => `/api/regios/${slug}/herziening.json`;
export const dilemmaApiPath = (slug: string) => `/api/dilemmas/${slug}`;
export const regionFeedPath = (regionSlug: string) => `/feeds/regios/${regionSlug}.atom`;
export const themeFeedPath = (themeSlug: string) => `/feeds/themas/${themeSlug}.atom`;
/** The page that explains a feed and how to follow it; a feed path needs no escaping in a query. */
export const feedPagePath = (feedPath: string) => `/feeds?feed=${feedPath}`;

// Accounts.

export const loginPath = (query: { redirectTo?: string } = {}) => `/inloggen${queryString(query)}`;
export const registeredPath = (regionSlug: string) => `/registreren/bedankt${queryString({ regio: regionSlug })}`;
export const passwordResetPath = (token: string) => `/wachtwoord-herstellen/${token}`;
export const unsubscribePath = (token: string) => `/afmelden/${token}`;
export const totpSetupPath = (query: { verplicht?: string; redirectTo?: string } = {}) =>
  `/account/tweestapsverificatie${queryString(query)}`;
export const readerRegionPath = (melding?: "gewist" | "opgeslagen") => `/mijn-regio${queryString({ melding })}`;

// Administration.

export const adminRegionPath = (slug: string, melding?: string) => `/beheer/regios/${slug}${queryString({ melding })}`;
export const adminOrganisationPath = (regionSlug: string, organisationId: number) =>
  `/beheer/regios/${regionSlug}/organisaties/${organisationId}`;
