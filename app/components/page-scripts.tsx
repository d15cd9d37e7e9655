import { type UIMatch, useMatches } from "@remix-run/react";

/**
 * A route's `handle.scripts`: whether its page needs React in the browser (a guard against double
 * submits, a live hint, focus moved to an error summary). `false` sends the page without JavaScript:
 * it is read as HTML and its links and forms work as they do without scripts. A function decides from
 * the route's loader data.
 */
export interface ScriptsHandle {
  scripts?: boolean | ((data: unknown) => boolean);
}

/**
 * Whether React runs this page: on the server, true unless a route on the page does without scripts;
 * in the browser always (a page without scripts never gets there, and one reached by an in-app
 * navigation is rendered by React).
 */
export function useScriptsRun() {
  const matches = useMatches();
  if (typeof document !== "undefined") return true;
  return !matches.some((match: UIMatch<unknown, unknown>) => {
    const wants = (match.handle as ScriptsHandle | undefined)?.scripts;
    return wants === false || (typeof wants === "function" && !wants(match.data));
  });
}
