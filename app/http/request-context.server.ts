import { AsyncLocalStorage } from "node:async_hooks";
import crypto from "node:crypto";
import type { IncomingMessage } from "node:http";

import { singleton } from "~/utils/singleton.server";

export type RequestRole = "visitor" | "pending" | "member" | "facilitator" | "admin";

/** What the request log and metrics learn while a request is handled; never personal data. */
export interface RequestContext {
  id: string;
  role: RequestRole;
}

// A singleton: the HTTP server (server.server.ts) and the app's build each load this module; both must see one store.
const storage = singleton("request-context", () => new AsyncLocalStorage<RequestContext>());

/** A proxy's request id is kept when it looks like one; otherwise a new one is made. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers["x-request-id"];
  return typeof given === "string" && /^[\w.:-]{8,80}$/.test(given) ? given : crypto.randomUUID();
}

export const runWithRequestContext = <T>(context: RequestContext, run: () => T) => storage.run(context, run);

export const currentRequest = (): RequestContext | undefined => storage.getStore();

/** Called where the user of a request becomes known, so the log line can carry the role (not who). */
export function noteRequestRole(role: RequestRole) {
  const context = storage.getStore();
  if (context) context.role = role;
}
