// The log-in limit per account and per account+address pair (rate-limits.server.ts limits per address).
// It slows down instead of locking out, so a guesser cannot lock the owner out from another address;
// an account failing from many addresses gives each one free try. In memory, per process.
import { LRUCache } from "lru-cache";

const WINDOW_MS = 15 * 60 * 1000;
const FREE_FAILURES_PER_PAIR = 5;
const ACCOUNT_UNDER_ATTACK = 20;
const LONGEST_WAIT_SECONDS = 15 * 60;

interface Failures {
  count: number;
  last: number;
}

// Each entry lives 15 minutes after its last failure; the bounds keep a flood of made-up addresses in memory limits.
const pairs = new LRUCache<string, Failures>({ max: 100_000, ttl: WINDOW_MS });
const accounts = new LRUCache<string, Failures>({ max: 100_000, ttl: WINDOW_MS });

const accountKey = (email: string) => email.trim().toLowerCase();
const pairKey = (email: string, address: string) => `${accountKey(email)}\n${address}`;

/** Seconds this address must still wait before trying this account again; 0 when it may try now. */
export function loginWaitSeconds(email: string, address: string, now = Date.now()): number {
  const pair = pairs.get(pairKey(email, address));
  if (!pair) return 0;
  const free = (accounts.get(accountKey(email))?.count ?? 0) >= ACCOUNT_UNDER_ATTACK ? 1 : FREE_FAILURES_PER_PAIR;
  if (pair.count < free) return 0;
  const wait = Math.min(2 ** (pair.count - free), LONGEST_WAIT_SECONDS) * 1000;
  return Math.max(0, Math.ceil((pair.last + wait - now) / 1000));
}

export function recordLoginFailure(email: string, address: string, now = Date.now()) {
  for (const [cache, key] of [
    [pairs, pairKey(email, address)],
    [accounts, accountKey(email)],
  ] as const) {
    cache.set(key, { count: (cache.get(key)?.count ?? 0) + 1, last: now });
  }
}

/** A successful log-in clears its pair; the account's count runs out by itself. */
export function recordLoginSuccess(email: string, address: string) {
  pairs.delete(pairKey(email, address));
}

/** The Dutch message for a wait, in seconds or whole minutes. */
export function loginWaitMessage(seconds: number): string {
  const wait = seconds < 90 ? `${seconds} seconden` : `${Math.ceil(seconds / 60)} minuten`;
  return `U heeft te vaak een verkeerd wachtwoord geprobeerd voor dit account. Wacht ${wait} en probeer het dan opnieuw.`;
}
