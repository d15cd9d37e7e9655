import type { MetaDescriptor } from "@remix-run/node";

/** `<link rel="alternate">` in the page head, so feed readers find the feed from the page. */
export function feedLink(href: string, title: string): MetaDescriptor {
  return { tagName: "link", rel: "alternate", type: "application/atom+xml", href, title };
}
