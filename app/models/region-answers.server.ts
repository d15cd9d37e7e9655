import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";

import type { Verdict } from "~/domain/vocabulary";
import type { Db } from "~/utils/db.server";
import * as t from "../../db/schema";
import { answerLineage, citationsOf } from "./answer.server";

/*
 * A region's answers in force, a page at a time (thousands at 10k dilemmas). The partial index
 * `answer_versions_published` finds the version in force without reading texts; `indexed by` keeps
 * SQLite from the unique (answer, version) index, which would read every version's row.
 */

/** SQL: the id of the answer's version in force, or null when it has none. */
const versionInForce = (answerId: SQL) =>
  sql`(select v.id from answer_versions v indexed by answer_versions_published
        where v.answer_id = ${answerId} and v.published_at is not null order by v.version desc limit 1)`;

/** SQL: the published answers of a region that have a version in force. */
const inForceIn = (regionId: number) =>
  sql`a.region_id = ${regionId} and a.status = 'published'
      and exists (select 1 from answer_versions p indexed by answer_versions_published where p.answer_id = a.id and p.published_at is not null)`;

/**
 * SQL: the dilemma_themes row of the dilemma's main theme, or null when it has none. The importer stores a
 * dilemma's themes in the order its file names them; the first is its main theme.
 */
const firstThemeRow = (dilemmaId: SQL) =>
  sql`(select min(f.rowid) from dilemma_themes f where f.dilemma_id = ${dilemmaId})`;

/** How many answers of the region are in force, and how many of those are past their review date. */
export function countRegionAnswers(db: Db, regionId: number, today: string) {
  const row = db.get<{ total: number; due: number | null }>(sql`
    select count(*) as total, sum(v.review_by < ${today}) as due
    from answers a join answer_versions v indexed by answer_versions_published on v.answer_id = a.id and v.published_at is not null
    where a.region_id = ${regionId} and a.status = 'published'
      and not exists (select 1 from answer_versions n indexed by answer_versions_published
                      where n.answer_id = a.id and n.published_at is not null and n.version > v.version)`);
  return { total: row.total, due: row.due ?? 0 };
}

export interface RegionAnswerRow {
  versionId: number;
  dilemmaSlug: string;
  dilemmaTitle: string;
  verdict: Verdict;
  version: number;
  agreedOn: string;
  reviewBy: string | null;
}

/**
 * One page of the region's answers in force by dilemma title; with `dueBefore`, only those whose review
 * date lies before it. `total` is how many there are (countRegionAnswers). The whole list is walked in
 * title order (index dilemmas_title, from whichever end is nearer) and the walk stops after the page,
 * instead of sorting every answer of the region for each page; the few due ones are sorted.
 */
export function listRegionAnswerPage(
  db: Db,
  regionId: number,
  page: { dueBefore?: string; offset: number; limit: number; total: number },
): RegionAnswerRow[] {
  type Found = { versionId: number; dilemmaSlug: string; dilemmaTitle: string };
  const columns = sql`${versionInForce(sql`a.id`)} as versionId, d.slug as dilemmaSlug, d.title as dilemmaTitle`;
  let found: Found[];
  if (page.dueBefore) {
    found = db.all<Found>(sql`
      select ${columns} from answers a join dilemmas d on d.id = a.dilemma_id
      where a.region_id = ${regionId} and a.status = 'published'
        and (select v.review_by from answer_versions v indexed by answer_versions_published
             where v.answer_id = a.id and v.published_at is not null order by v.version desc limit 1) < ${page.dueBefore}
      order by d.title, d.id limit ${page.limit} offset ${page.offset}`);
  } else {
    // The cross join keeps the dilemmas in the outer loop, so SQLite walks them in title order.
    const fromEnd = page.offset * 2 > page.total;
    const limit = fromEnd ? Math.min(page.limit, page.total - page.offset) : page.limit;
    const offset = fromEnd ? page.total - page.offset - limit : page.offset;
    found = db.all<Found>(sql`
      select ${columns} from dilemmas d cross join answers a
      where a.dilemma_id = d.id and ${inForceIn(regionId)}
      order by ${fromEnd ? sql`d.title desc, d.id desc` : sql`d.title, d.id`} limit ${Math.max(limit, 0)} offset ${Math.max(offset, 0)}`);
    if (fromEnd) found.reverse();
  }
  if (found.length === 0) return [];
  const versions = new Map(
    db
      .select({
        id: t.answerVersions.id,
        verdict: t.answerVersions.verdict,
        version: t.answerVersions.version,
        agreedOn: t.answerVersions.agreedOn,
        reviewBy: t.answerVersions.reviewBy,
      })
      .from(t.answerVersions)
      .where(
        inArray(
          t.answerVersions.id,
          found.map((f) => f.versionId),
        ),
      )
      .all()
      .map((v) => [v.id, v]),
  );
  return found.map(({ versionId, ...dilemma }) => {
    const { id: _, ...version } = versions.get(versionId)!;
    return { versionId, ...dilemma, ...version };
  });
}

/**
 * The region's answers in force that were taken over from another region, and those that other regions
 * took over (any published version of theirs adopted it), by dilemma title. Both start from the few
 * versions that name a source (index answer_versions_adopted_from), not from the region's answers.
 */
export function listRegionAdoptions(db: Db, regionId: number) {
  type Found = { versionId: number; dilemmaSlug: string; dilemmaTitle: string };
  // Cross joins keep the tables in the order written: SQLite would otherwise start from the region's answers.
  const inForceOfRegion = (version: SQL) =>
    sql`cross join answers a on a.id = ${version}.answer_id cross join dilemmas d on d.id = a.dilemma_id
        where a.region_id = ${regionId} and a.status = 'published' and ${version}.id = ${versionInForce(sql`a.id`)}`;
  const tookOver = db.all<Found>(sql`
    select v.id as versionId, d.slug as dilemmaSlug, d.title as dilemmaTitle
    from answer_versions v indexed by answer_versions_adopted_from ${inForceOfRegion(sql`v`)}
      and v.adopted_from_version_id is not null
    order by d.title, d.id`);
  const givenAway = db.all<Found>(sql`
    select distinct v.id as versionId, d.slug as dilemmaSlug, d.title as dilemmaTitle
    from answer_versions adopter indexed by answer_versions_adopted_from
    cross join answer_versions v on v.id = adopter.adopted_from_version_id ${inForceOfRegion(sql`v`)}
      and adopter.adopted_from_version_id is not null and adopter.published_at is not null
    order by d.title, d.id`);
  const { from, by } = answerLineage(
    db,
    [...tookOver, ...givenAway].map((f) => f.versionId),
  );
  return {
    tookOver: tookOver.flatMap(({ versionId, ...dilemma }) => {
      const source = from.get(versionId);
      return source ? [{ ...dilemma, from: source }] : [];
    }),
    givenAway: givenAway.flatMap(({ versionId, ...dilemma }) => {
      const adopters = by.get(versionId) ?? [];
      return adopters.length > 0 ? [{ ...dilemma, by: adopters }] : [];
    }),
  };
}

/**
 * The region's answers in force per main theme (null: a dilemma without themes). Their dilemmas are not
 * read for their status: publishing makes a dilemma answered and withdrawing its last answer in force
 * takes it back to the agenda, so these are the public ones (the answers themselves are read with the check).
 */
export function countRegionAnswersByMainTheme(db: Db, regionId: number) {
  return db.all<{ themeSlug: string | null; count: number }>(sql`
    select mt.theme_slug as themeSlug, count(*) as count
    from answers a left join dilemma_themes mt on mt.rowid = ${firstThemeRow(sql`a.dilemma_id`)}
    where ${inForceIn(regionId)}
    group by mt.theme_slug`);
}

/**
 * The versions in force of one page of the region's public answers with this main theme, by dilemma
 * title. A theme's dilemmas are found from the theme (index dilemma_themes_theme), not from every answer
 * of the region.
 */
export function listRegionVersionIdsInTheme(
  db: Db,
  regionId: number,
  themeSlug: string | null,
  page: { offset: number; limit: number },
) {
  const found =
    themeSlug === null
      ? sql`from answers a join dilemmas d on d.id = a.dilemma_id
            where not exists (select 1 from dilemma_themes f where f.dilemma_id = a.dilemma_id)`
      : sql`from dilemma_themes dt cross join answers a cross join dilemmas d
            where dt.theme_slug = ${themeSlug} and dt.rowid = ${firstThemeRow(sql`dt.dilemma_id`)}
              and a.dilemma_id = dt.dilemma_id and d.id = a.dilemma_id`;
  return db
    .all<{ versionId: number }>(
      sql`
      select ${versionInForce(sql`a.id`)} as versionId ${found} and ${inForceIn(regionId)} and d.status = 'answered'
      order by d.title, d.id limit ${page.limit} offset ${page.offset}`,
    )
    .map((row) => row.versionId);
}

/**
 * A region's answers in force on public dilemmas, whole: every field of the version, its citations and
 * lineage, and the dilemma with its themes (its main theme first). All of them for the open data, or the
 * given versions (in force in this region) for a page of the spelregels.
 */
export function getRegionCurrentAnswers(db: Db, regionId: number, versionIds?: number[]) {
  const cv = t.currentAnswerVersions;
  if (versionIds?.length === 0) return [];
  const rows = db
    .select({
      version: t.answerVersions,
      dilemma: { id: t.dilemmas.id, slug: t.dilemmas.slug, title: t.dilemmas.title, question: t.dilemmas.question },
    })
    .from(cv)
    .innerJoin(t.answerVersions, eq(t.answerVersions.id, cv.id))
    .innerJoin(t.dilemmas, eq(t.dilemmas.id, cv.dilemmaId))
    .where(and(eq(cv.regionId, regionId), eq(t.dilemmas.status, "answered"), versionIds && inArray(cv.id, versionIds)))
    .orderBy(asc(t.dilemmas.title), asc(t.dilemmas.id))
    .all();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.version.id);
  const citations = citationsOf(db, ids);
  const { from, by } = answerLineage(db, ids);
  const themes = new Map<number, { slug: string; label: string }[]>();
  const themeRows = db
    .select({ dilemmaId: t.dilemmaThemes.dilemmaId, slug: t.themes.slug, label: t.themes.label })
    .from(t.dilemmaThemes)
    .innerJoin(t.themes, eq(t.themes.slug, t.dilemmaThemes.themeSlug))
    .where(
      inArray(
        t.dilemmaThemes.dilemmaId,
        rows.map((r) => r.dilemma.id),
      ),
    )
    // The importer stores a dilemma's themes in the order its file names them; the first is its main theme.
    .orderBy(sql`${t.dilemmaThemes}.rowid`)
    .all();
  for (const { dilemmaId, ...theme } of themeRows) {
    const list = themes.get(dilemmaId) ?? [];
    list.push(theme);
    themes.set(dilemmaId, list);
  }
  return rows.map(({ version, dilemma }) => ({
    dilemma: { ...dilemma, themes: themes.get(dilemma.id) ?? [] },
    version: {
      ...version,
      citations: citations.get(version.id) ?? [],
      adoptedFrom: from.get(version.id) ?? null,
      adoptedBy: by.get(version.id) ?? [],
    },
  }));
}

export type RegionCurrentAnswer = ReturnType<typeof getRegionCurrentAnswers>[number];
