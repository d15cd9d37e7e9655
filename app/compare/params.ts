import { z } from "zod";

import { SlugSchema } from "~/utils/params";

/** A choice of regions in the URL (`?regio=a&regio=b`): slugs, at most as many as a page can show side by side. */
export const RegionListSchema = z.array(SlugSchema).max(30);
