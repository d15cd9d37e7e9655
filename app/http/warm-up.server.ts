import { createRequestHandler, type ServerBuild } from "@remix-run/node";

import { getDb } from "~/utils/db.server";
import { readerRegionCookieHeader } from "~/utils/reader-region.server";
import { runWithRequestContext } from "./request-context.server";

/**
 * Searches a reader might make, each taking another path through the engine: one frequent word, two
 * words, a question, a typo (fuzzy matching and "Bedoelde u"), a facet; then suggestions while typing.
 */
const WARM_UP_PATHS = [
  "/api/search?q=school",
  "/api/search?q=toestemming+ouders",
  "/api/search?q=mag+de+school+het+wijkteam+bellen",
  "/api/search?q=beroepsgehiem",
  "/api/search?q=veilig+thuis&type=answer",
  ...["t", "to", "toe", "toes", "toestemming o"].map((q) => `/api/suggesties?q=${encodeURIComponent(q)}`),
];

/**
 * Searches by a reader with a region (a member, or a visitor who chose one): their own region's
 * records are raised, a ranking pass the searches above do not take.
 */
const REGION_WARM_UP_PATHS = [
  "/api/search?q=jeugdzorg",
  "/api/search?q=mag+de+huisarts+de+politie+informeren",
  "/api/search?q=zorgen+over+een+leerling+thuis",
];

/**
 * Sends a few searches through the Remix handler of the build that will serve, before the server
 * listens: the first searches after a start then find the engine's code compiled and its lazy tables
 * made (without this, the first queries at 10k dilemmas took 70–150 ms; README, Performance). Nothing
 * is written and the answers are dropped; a failure here is left for the real request to show. Returns
 * how many answered 200 and how many of those ranked a reader's own region (for the tests).
 */
export async function warmUpSearch(build: ServerBuild, rounds = 8): Promise<{ ok: number; ownRegion: number }> {
  const handle = createRequestHandler(build, build.mode);
  const region = getDb().$client.prepare("select slug from regions order by id limit 1").pluck().get() as
    string | undefined;
  const regionCookie = region ? (await readerRegionCookieHeader(region)).split(";")[0]! : null;
  const requests = [
    ...WARM_UP_PATHS.map((path) => ({ path, cookie: null })),
    ...REGION_WARM_UP_PATHS.map((path) => ({ path, cookie: regionCookie })),
  ];
  const answered = { ok: 0, ownRegion: 0 };
  for (let round = 0; round < rounds; round++)
    for (const { path, cookie } of requests) {
      const headers: Record<string, string> = { accept: "application/json", ...(cookie ? { cookie } : {}) };
      const request = new Request(`http://localhost${path}`, { headers });
      try {
        const response = await runWithRequestContext({ id: "warm-up", role: "visitor" }, () =>
          handle(request, { cspNonce: "", clientAddress: "127.0.0.1" }),
        );
        if (response.status !== 200) {
          await response.arrayBuffer();
          continue;
        }
        answered.ok++;
        if (cookie) {
          const body = (await response.json()) as { ownRegion?: string | null };
          if (body.ownRegion) answered.ownRegion++;
        } else await response.arrayBuffer();
      } catch {
        return answered;
      }
    }
  return answered;
}
