import { Feed } from "feed";
import { z } from "zod";

import { VERDICT_LABELS } from "~/domain/vocabulary";
import type { PublishedVersion } from "~/models/feed.server";
import { formatDate } from "~/utils/dates";
import { renderMarkdown } from "~/utils/markdown.server";
import { SlugSchema } from "~/utils/params";
import { regionPath, versionPath } from "~/utils/paths";

// The feed library marks titles and summaries as type="html", so plain text is escaped first.
const escapeHtml = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

/** An Atom feed of published answer versions: each new answer and each revision is one entry. */
export function answersAtomFeed(input: {
  origin: string;
  selfPath: string;
  pagePath: string;
  title: string;
  subtitle: string;
  versions: PublishedVersion[];
  /** When the feed has no entries, the moment it last changed: Atom requires an `updated`. */
  emptyUpdated: string;
}) {
  const { origin, versions } = input;
  const feed = new Feed({
    id: origin + input.selfPath,
    title: input.title,
    description: input.subtitle,
    link: origin + input.pagePath,
    updated: new Date(versions[0]?.publishedAt ?? input.emptyUpdated),
    feedLinks: { atom: origin + input.selfPath },
    author: { name: "Leertuin" },
    generator: false,
  });
  for (const v of versions) {
    const url = origin + versionPath(v.dilemmaSlug, v.regionSlug, v.version);
    const kind =
      v.version === 1 ? `Nieuwe afspraak ${v.regionName}` : `Herziene afspraak ${v.regionName} (versie ${v.version})`;
    feed.addItem({
      id: url,
      link: url,
      title: escapeHtml(`${kind}: ${v.dilemmaTitle}`),
      date: new Date(v.publishedAt),
      published: new Date(v.publishedAt),
      description: escapeHtml(v.dilemmaQuestion),
      content:
        `<p><strong>Oordeel: ${VERDICT_LABELS[v.verdict]}</strong>, afgesproken op ${formatDate(v.agreedOn)}.</p>` +
        renderMarkdown(v.agreementMd),
      author: [{ name: `Leertuin ${v.regionName}`, link: origin + regionPath(v.regionSlug) }],
    });
  }
  return new Response(feed.atom1(), {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}

/** The last path segment of a feed URL, `zeeland.atom`, to its slug. */
export const FeedFileSchema = z
  .string()
  .regex(/\.atom$/)
  .transform((file) => file.slice(0, -".atom".length))
  .pipe(SlugSchema);
