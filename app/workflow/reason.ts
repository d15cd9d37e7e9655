import { z } from "zod";

/**
 * The reason a facilitator gives for a decision (reject, merge, decline, hide, withdraw): others read it.
 * Not a `.server` module: route files build their action schemas at module level, also in the browser.
 */
export const ReasonSchema = z
  .string()
  .trim()
  .min(5, "Geef een reden van minstens 5 tekens.")
  .max(500, "Gebruik hoogstens 500 tekens.");
