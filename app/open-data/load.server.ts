import type { Params } from "@remix-run/react";

import { publicOrigin } from "~/http/public-origin.server";
import { getAnswersForDilemma } from "~/models/answer.server";
import { getPublicDilemma } from "~/models/dilemma.server";
import { getRegionBySlug } from "~/models/region.server";
import { getRegionCurrentAnswers } from "~/models/region-answers.server";
import { getDb } from "~/utils/db.server";
import { SlugSchema } from "~/utils/params";
import { jsonError } from "./responses.server";
import { dilemmaJson, regionAnswersJson } from "./shapes.server";

type Loaded<T> = { document: T; error?: undefined } | { document?: undefined; error: Response };

/** A region's answers in force as the open-data document, or the 400/404 JSON answer. */
export function loadRegionAnswers(params: Params): Loaded<ReturnType<typeof regionAnswersJson>> {
  const slug = SlugSchema.safeParse(params.slug);
  if (!slug.success)
    return { error: jsonError(400, "Ongeldige regio: gebruik de slug uit de adresbalk, zoals 'zeeland'.", ["slug"]) };
  const db = getDb();
  const region = getRegionBySlug(db, slug.data);
  if (!region) return { error: jsonError(404, "Deze regio bestaat niet.") };
  return { document: regionAnswersJson(publicOrigin(), region, getRegionCurrentAnswers(db, region.id)) };
}

/** A public dilemma with every published version of every answer, or the 400/404 JSON answer. */
export function loadDilemma(params: Params): Loaded<ReturnType<typeof dilemmaJson>> {
  const slug = SlugSchema.safeParse(params.slug);
  if (!slug.success) return { error: jsonError(400, "Ongeldig dilemma: gebruik de slug uit de adresbalk.", ["slug"]) };
  const db = getDb();
  const dilemma = getPublicDilemma(db, slug.data);
  if (!dilemma) return { error: jsonError(404, "Dit dilemma bestaat niet, of is nog niet beantwoord.") };
  return { document: dilemmaJson(publicOrigin(), dilemma, getAnswersForDilemma(db, dilemma.id)) };
}
