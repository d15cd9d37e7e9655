import type { Route, Verdict } from "./vocabulary";

/** What each route means for a professional, in one sentence (shown beside the route's name). */
export const ROUTE_MEANINGS: Record<Route, string> = {
  toestemming: "Delen kan alleen als de betrokkene (of bij een kind de ouders) toestemming geeft.",
  "wettelijke-plicht": "Een wet verplicht u deze informatie te geven, ook zonder toestemming.",
  meldrecht: "De wet geeft u het recht te melden zonder toestemming, ondanks uw beroepsgeheim.",
  "conflict-van-plichten":
    "U mag uw beroepsgeheim alleen doorbreken om ernstig gevaar af te wenden, als er geen andere weg is.",
  "geen-beroepsgeheim": "Er geldt geen beroepsgeheim; de regels van de AVG gelden wel.",
};

/** The route as a short label that reads as a condition, not as a second verdict. */
export const ROUTE_SHORT: Record<Route, string> = {
  toestemming: "Toestemming nodig",
  "wettelijke-plicht": "Wettelijke plicht",
  meldrecht: "Meldrecht",
  "conflict-van-plichten": "Conflict van plichten",
  "geen-beroepsgeheim": "Geen beroepsgeheim",
};

/**
 * Verdict and route in one phrase a reader cannot take for a contradiction, e.g. "Niet delen zonder
 * toestemming" for a refusal whose route is consent.
 */
export function verdictInContext(verdict: Verdict, route: Route): string {
  if (verdict === "niet-delen")
    return {
      toestemming: "Niet delen zonder toestemming",
      "wettelijke-plicht": "Niet delen, behalve wat de wet verplicht",
      meldrecht: "Niet delen; wel melden als het meldrecht geldt",
      "conflict-van-plichten": "Niet delen; het beroepsgeheim gaat hier voor",
      "geen-beroepsgeheim": "Niet delen: de AVG staat het hier niet toe",
    }[route];
  const conditional = verdict === "delen-onder-voorwaarden" ? ", onder voorwaarden" : "";
  return {
    toestemming: `Delen met toestemming${conditional}`,
    "wettelijke-plicht": `Delen, omdat de wet het verplicht${conditional}`,
    meldrecht: `Delen zonder toestemming, op grond van het meldrecht${conditional}`,
    "conflict-van-plichten": `Delen alleen om ernstig gevaar af te wenden${conditional}`,
    "geen-beroepsgeheim": `Delen binnen de regels van de AVG${conditional}`,
  }[route];
}
