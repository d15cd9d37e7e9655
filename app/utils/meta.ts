import type { MetaDescriptor } from "@remix-run/node";

/** Every page's title says where you are, then the site: "Dilemma's — Leertuin". */
export function pageMeta(title: string, description?: string): MetaDescriptor[] {
  return [{ title: `${title} — Leertuin` }, ...(description ? [{ name: "description", content: description }] : [])];
}
