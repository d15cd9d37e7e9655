import type { Db } from "~/utils/db.server";
import { codePath, dilemmaPath, regionPath, rulebookPath, versionPath } from "~/utils/paths";

export interface SitemapEntry {
  path: string;
  /** ISO date (YYYY-MM-DD) of the last change, when known. */
  lastmod?: string;
}

const day = (iso: string | null | undefined) => iso?.slice(0, 10);

/** The public pages a search engine may index: pages of the site, answered dilemmas, answers in force, codes, regions. */
export function sitemapEntries(db: Db): SitemapEntry[] {
  const sql = db.$client;
  const newestAnswer = day(
    sql.prepare("select max(published_at) from current_answer_versions").pluck().get() as string,
  );
  const pages: SitemapEntry[] = [
    "/",
    "/dilemmas",
    "/beroepscodes",
    "/regios",
    "/vergelijk",
    "/zoeken",
    "/begrippen",
    "/afwegen",
    "/api",
    "/over",
    "/privacy",
    "/toegankelijkheid",
  ].map((path) => ({ path, lastmod: ["/", "/dilemmas", "/vergelijk"].includes(path) ? newestAnswer : undefined }));
  const dilemmas = sql
    .prepare(
      `select d.slug, max(d.updated_at, coalesce(max(c.published_at), '')) as lastmod
       from dilemmas d left join current_answer_versions c on c.dilemma_id = d.id
       where d.status = 'answered' group by d.id order by d.slug`,
    )
    .all() as { slug: string; lastmod: string }[];
  const answers = sql
    .prepare(
      `select d.slug as dilemma, r.slug as region, c.version, c.published_at as lastmod
       from current_answer_versions c join dilemmas d on d.id = c.dilemma_id join regions r on r.id = c.region_id
       where d.status = 'answered' order by d.slug, r.slug`,
    )
    .all() as { dilemma: string; region: string; version: number; lastmod: string }[];
  const codes = sql.prepare("select slug, updated_at as lastmod from codes order by slug").all() as {
    slug: string;
    lastmod: string;
  }[];
  const regions = sql
    .prepare(
      `select r.slug, max(r.updated_at, coalesce(max(c.published_at), '')) as lastmod
       from regions r left join current_answer_versions c on c.region_id = r.id group by r.id order by r.slug`,
    )
    .all() as { slug: string; lastmod: string }[];
  return [
    ...pages,
    ...dilemmas.map((d) => ({ path: dilemmaPath(d.slug), lastmod: day(d.lastmod) })),
    ...answers.map((a) => ({ path: versionPath(a.dilemma, a.region, a.version), lastmod: day(a.lastmod) })),
    ...codes.map((c) => ({ path: codePath(c.slug), lastmod: day(c.lastmod) })),
    ...regions.flatMap((r) => [
      { path: regionPath(r.slug), lastmod: day(r.lastmod) },
      { path: rulebookPath(r.slug), lastmod: day(r.lastmod) },
    ]),
  ];
}
