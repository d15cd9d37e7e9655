import {
  type ActionFunctionArgs,
  type AppLoadContext,
  type EntryContext,
  type LoaderFunctionArgs,
} from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { z } from "zod";

import { NonceProvider } from "~/components/nonce";
import { metrics } from "~/http/metrics.server";
import { currentRequest } from "~/http/request-context.server";
import { logger } from "~/utils/logger.server";

// Every schema in the app names its own Dutch messages; zod's Dutch defaults cover what a hand-made
// request can still trigger (a field left out of the form altogether).
z.config(z.locales.nl());

const REGION_COOKIE = /(^|;)\s*mijn-regio=/;

/**
 * A visitor who chose "Mijn regio" gets pages ordered for that region: no shared cache may keep them
 * (the page cache passes such requests, see page-cache.server.ts).
 */
function markPersonal(request: Request, headers: Headers) {
  if (!REGION_COOKIE.test(request.headers.get("cookie") ?? "")) return;
  headers.set("Cache-Control", "private, no-store");
  if (!/\bcookie\b/i.test(headers.get("Vary") ?? "")) headers.append("Vary", "Cookie");
}

export function handleDataRequest(response: Response, { request }: LoaderFunctionArgs | ActionFunctionArgs) {
  markPersonal(request, response.headers);
  return response;
}

/**
 * The whole page at once with renderToString: Leertuin streams nothing (no defer, no Suspense), and the
 * streaming renderer put NUL bytes in place of a character at some 2 KB boundaries (seen on /vergelijk
 * with React 18.3 on Node 20). One string also keeps Remix's scripts inside </html>.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;
  const html = renderToString(
    <NonceProvider value={nonce}>
      <RemixServer context={remixContext} url={request.url} nonce={nonce} />
    </NonceProvider>,
  );
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  markPersonal(request, responseHeaders);
  return new Response(`<!DOCTYPE html>${html}`, { headers: responseHeaders, status: responseStatusCode });
}

export function handleError(error: unknown, { request }: LoaderFunctionArgs | ActionFunctionArgs) {
  if (request.signal.aborted) return;
  if (isRouteErrorResponse(error) && error.status < 500) return;
  if (String((error as { code?: unknown } | null)?.code).startsWith("SQLITE_BUSY")) metrics.sqliteBusy.inc();
  // Tests fail on console.error; elsewhere the error goes to the structured log with its request id.
  if (process.env.NODE_ENV === "test") console.error(error);
  else logger().error({ reqId: currentRequest()?.id, err: error }, "request failed");
}
