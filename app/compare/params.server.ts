import { z } from "zod";

import { searchParamsObject } from "~/utils/http.server";
import { SlugParam } from "~/utils/params";

/** The search params as an object, with the repeatable `regio` as the list of its non-empty values. */
export function searchParamsWithRegions(url: string): Record<string, unknown> {
  const regio = new URL(url).searchParams.getAll("regio").filter((value) => value !== "");
  return { ...searchParamsObject(url), regio };
}

/** A choice of regions in the URL: slugs, at most as many as a page can show side by side. */
export const RegionListParam = z.array(SlugParam).max(30);
