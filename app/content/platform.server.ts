import fs from "node:fs";
import path from "node:path";

import YAML from "yaml";
import { z } from "zod";

import { singleton } from "~/utils/singleton.server";
import { contentRoot } from "./content-root.server";

const TextSchema = z.string().trim().min(1);
const EmailSchema = z.email();

/** content/platform.yml: who runs this Leertuin; the statements and security.txt are built from it. */
export const PlatformSchema = z.strictObject({
  operator: z.strictObject({
    name: TextSchema,
    description: TextSchema,
    address: TextSchema,
    email: EmailSchema,
    website: z.url(),
  }),
  privacy: z.strictObject({
    email: EmailSchema,
    dpo: TextSchema.optional(),
    legal_basis: TextSchema,
    processors: z.array(z.strictObject({ name: TextSchema, task: TextSchema })),
  }),
  security: z.strictObject({
    contact: z.string().regex(/^(mailto:|https:\/\/)/, "expected a mailto: or https:// address"),
    expires: z.iso.datetime(),
  }),
  accessibility: z.strictObject({
    status: z.enum(["A", "B", "C", "D", "E"]),
    measured_on: z.iso.date(),
    email: EmailSchema,
    known_issues: z.array(TextSchema),
  }),
  retention: z.strictObject({
    audit_log_days: z.number().int().min(30),
  }),
});
export type Platform = z.infer<typeof PlatformSchema>;

/** Read and checked once per process; a wrong file stops the request with the field that is wrong. */
export function platform(): Platform {
  return singleton("platform-settings", () => {
    const file = path.join(contentRoot(), "platform.yml");
    const parsed = PlatformSchema.safeParse(YAML.parse(fs.readFileSync(file, "utf8"), { schema: "core" }));
    if (!parsed.success)
      throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    return parsed.data;
  });
}
