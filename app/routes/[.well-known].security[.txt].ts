import { platform } from "~/content/platform.server";
import { publicUrl } from "~/http/public-origin.server";

// GET /.well-known/security.txt — where to report a vulnerability (RFC 9116), from content/platform.yml.
export function loader() {
  const { security } = platform();
  const lines = [
    `Contact: ${security.contact}`,
    `Expires: ${new Date(security.expires).toISOString().replace(/\.000Z$/, "Z")}`,
    "Preferred-Languages: nl, en",
    `Canonical: ${publicUrl("/.well-known/security.txt")}`,
    `Policy: ${publicUrl("/over#beveiliging")}`,
    "",
  ];
  return new Response(lines.join("\n"), {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
