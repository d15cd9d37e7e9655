import type { IncomingMessage } from "node:http";

import type { Request } from "express";

import { type Env, getEnv } from "~/utils/env.server";

/**
 * Express's `trust proxy` for TRUST_PROXY: nothing by default, so X-Forwarded-For, -Host and -Proto
 * from a client count for nothing. With "fly" Express trusts nothing either: Fly-Client-IP names the client.
 */
export function expressTrustProxy(trust: Env["TRUST_PROXY"] = getEnv().TRUST_PROXY): boolean | number | string[] {
  if (trust.kind === "hops") return trust.hops;
  if (trust.kind === "list") return trust.list;
  return false;
}

/**
 * The client's network address, the key of the rate limits and the request log. Fly's proxy sets
 * Fly-Client-IP on every request (replacing one a client sent), so it is read only with TRUST_PROXY=fly.
 */
export function clientAddress(req: IncomingMessage & { ip?: string }): string {
  const trust = getEnv().TRUST_PROXY;
  if (trust.kind === "fly") {
    const fly = req.headers["fly-client-ip"];
    if (typeof fly === "string" && fly.trim()) return fly.trim();
  }
  const ip = (req as Request).ip;
  if (ip) return ip;
  // A page sent from the cache never passed Express: read the hops the same way for its log line.
  const socket = req.socket.remoteAddress ?? "unknown";
  const forwarded = req.headers["x-forwarded-for"];
  if (trust.kind !== "hops" || typeof forwarded !== "string") return socket;
  const chain = [
    socket,
    ...forwarded
      .split(",")
      .map((a) => a.trim())
      .reverse(),
  ];
  return chain[Math.min(trust.hops, chain.length - 1)] || socket;
}
