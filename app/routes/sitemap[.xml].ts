import { publicUrl } from "~/http/public-origin.server";
import { sitemapEntries } from "~/models/sitemap.server";
import { getDb } from "~/utils/db.server";

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

// GET /sitemap.xml — every public page a search engine may index (sitemaps.org 0.9).
export function loader() {
  const urls = sitemapEntries(getDb())
    .map(
      (e) =>
        `  <url><loc>${escapeXml(publicUrl(e.path))}</loc>${e.lastmod ? `<lastmod>${e.lastmod}</lastmod>` : ""}</url>`,
    )
    .join("\n");
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`,
    { headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=3600" } },
  );
}
