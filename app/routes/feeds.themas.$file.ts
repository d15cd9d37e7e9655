import type { LoaderFunctionArgs } from "@remix-run/node";

import { answersAtomFeed, FeedFileSchema } from "~/feeds/atom.server";
import { publicOrigin } from "~/http/public-origin.server";
import { listPublishedVersions } from "~/models/feed.server";
import { listThemes } from "~/models/theme.server";
import { feedNotFound } from "~/open-data/responses.server";
import { getDb } from "~/utils/db.server";
import { dilemmasPath, themeFeedPath } from "~/utils/paths";

// The moment an empty theme feed reports as its last change; themes carry no dates of their own.
const EMPTY_FEED_UPDATED = "2015-09-01T00:00:00.000Z";

// GET /feeds/themas/:slug.atom — new and revised answers, of every region, on the theme's dilemmas.
export function loader({ params }: LoaderFunctionArgs) {
  const slug = FeedFileSchema.safeParse(params.file);
  const db = getDb();
  const theme = slug.success ? listThemes(db).find((th) => th.slug === slug.data) : undefined;
  if (!theme) return feedNotFound("Dit thema bestaat niet, dus er is geen feed voor.");
  return answersAtomFeed({
    origin: publicOrigin(),
    selfPath: themeFeedPath(theme.slug),
    pagePath: dilemmasPath({ thema: theme.slug }),
    title: `Afspraken over ${theme.label}`,
    subtitle: `Nieuwe en herziene afspraken van alle regio's over het thema ${theme.label}, op Leertuin.`,
    versions: listPublishedVersions(db, { themeSlug: theme.slug }),
    emptyUpdated: EMPTY_FEED_UPDATED,
  });
}
