import { createRequestHandler, type ServerBuild } from "@remix-run/node";

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
 * Sends a few searches through the Remix handler of the build that will serve, before the server
 * listens: the first searches after a start then find the engine's code compiled and its lazy tables
 * made (without this, the first queries at 10k dilemmas took 70–150 ms; README, Performance). Nothing
 * is written and the answers are dropped; a failure here is left for the real request to show.
 */
export async function warmUpSearch(build: ServerBuild, rounds = 3) {
  const handle = createRequestHandler(build, build.mode);
  for (let round = 0; round < rounds; round++)
    for (const path of WARM_UP_PATHS) {
      const request = new Request(`http://localhost${path}`, { headers: { accept: "application/json" } });
      try {
        const response = await runWithRequestContext({ id: "warm-up", role: "visitor" }, () =>
          handle(request, { cspNonce: "", clientAddress: "127.0.0.1" }),
        );
        await response.arrayBuffer();
      } catch {
        return;
      }
    }
}
