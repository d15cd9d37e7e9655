import type { MetaDescriptor } from "@remix-run/node";

/** What a search engine shows for a page that has no description of its own. */
export const SITE_DESCRIPTION =
  "Mag ik dit delen? Dilemma's, regionale afspraken en beroepscodes over het delen van informatie rond gezinnen.";

/** Every page's title says where you are, then the site; with a description and its Open Graph twins. */
export function pageMeta(title: string, description = SITE_DESCRIPTION): MetaDescriptor[] {
  return [
    { title: `${title} — Leertuin` },
    { name: "description", content: description },
    { property: "og:title", content: title },
    { property: "og:description", content: description },
  ];
}
