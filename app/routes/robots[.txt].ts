import { publicUrl } from "~/http/public-origin.server";

/** Pages of members, facilitators and admins, and forms that only make sense to a person. */
const PRIVATE = [
  "/account",
  "/beheer",
  "/meldingen",
  "/voorstellen",
  "/inloggen",
  "/registreren",
  "/wachtwoord-herstellen",
];

// GET /robots.txt — the public library may be indexed; member and admin pages and region agendas not.
export function loader() {
  const lines = [
    "User-agent: *",
    ...PRIVATE.map((path) => `Disallow: ${path}`),
    "Disallow: /regios/*/agenda",
    "Disallow: /*/bewerken",
    "Disallow: /*/overnemen",
    "Disallow: /api/suggesties",
    "",
    `Sitemap: ${publicUrl("/sitemap.xml")}`,
    "",
  ];
  return new Response(lines.join("\n"), {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
