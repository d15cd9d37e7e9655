import { useMatches } from "@remix-run/react";
import { createContext } from "react";

/**
 * A route's `handle.scripts`: whether its page needs React in the browser (a guard against double
 * submits, a live hint, focus moved to an error summary). `false` sends the page without JavaScript:
 * it is read as HTML and its links and forms work as they do without scripts. A function decides from
 * the route's loader data.
 */
export interface ScriptsHandle {
  scripts?: boolean | ((data: unknown) => boolean);
}

/** Whether a page made of these routes (their handles and loader data) runs React in the browser. */
export function pageWantsScripts(matches: readonly { handle?: unknown; data?: unknown }[]) {
  return !matches.some((match) => {
    const wants = (match.handle as ScriptsHandle | undefined)?.scripts;
    return wants === false || (typeof wants === "function" && !wants(match.data));
  });
}

/**
 * Whether React runs this page: on the server, true unless a route on the page does without scripts;
 * in the browser always (a page without scripts never gets there, and one reached by an in-app
 * navigation is rendered by React).
 */
export function useScriptsRun() {
  const matches = useMatches();
  if (typeof document !== "undefined") return true;
  return pageWantsScripts(matches);
}

/**
 * useScriptsRun's answer for the whole page, given once by the root layout: the links and forms read it
 * (link.tsx, form.tsx) to be plain HTML where no script runs.
 */
export const ScriptsRunContext = createContext(true);
