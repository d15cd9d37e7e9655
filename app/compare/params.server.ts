import { searchParamsObject } from "~/utils/http.server";

/** The search params as an object, with the repeatable `regio` as the list of its non-empty values. */
export function searchParamsWithRegions(url: string): Record<string, unknown> {
  const regio = new URL(url).searchParams.getAll("regio").filter((value) => value !== "");
  return { ...searchParamsObject(url), regio };
}
