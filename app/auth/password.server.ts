import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";

import { MIN_PASSWORD_LENGTH } from "./password-rules";

export { MIN_PASSWORD_LENGTH };

/** The rule for every new password. */
export const PasswordRuleSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Kies een wachtwoord van minstens ${MIN_PASSWORD_LENGTH} tekens.`)
  .max(1000);

/** A new password typed twice: the fields of the forms that set one. */
export const NewPasswordSchema = z
  .object({
    password: PasswordRuleSchema,
    passwordRepeat: z.string(),
  })
  .refine((f) => f.password === f.passwordRepeat, {
    path: ["passwordRepeat"],
    message: "De twee wachtwoorden zijn niet gelijk.",
  });

// OWASP's argon2id baseline: 19 MiB memory, 2 iterations, 1 lane (~40 ms here).
const OPTIONS = { algorithm: 2 /* argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;

/**
 * Spends the time of one real verification, for an e-mail address that has no account: an unknown
 * address then answers as slowly as a wrong password, and gives away nothing.
 */
export async function verifyNothing(password: string): Promise<false> {
  dummy ??= hashPassword("no account has this password");
  await verifyPassword(await dummy, password);
  return false;
}
