import { Transform } from "node:stream";

import {
  type ActionFunctionArgs,
  type AppLoadContext,
  createReadableStreamFromReadable,
  type EntryContext,
  type LoaderFunctionArgs,
} from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { z } from "zod";

import { NonceProvider } from "~/components/nonce";
import { hasReaderRegionCookie } from "~/http/cookie-names";
import { metrics } from "~/http/metrics.server";
import { currentRequest } from "~/http/request-context.server";
import { logger } from "~/utils/logger.server";

// Every schema in the app names its own Dutch messages; zod's Dutch defaults cover what a hand-made
// request can still trigger (a field left out of the form altogether).
z.config(z.locales.nl());

const ABORT_DELAY = 5_000;

/**
 * React 18.3's Node renderer sends a whole 2 KB buffer when a multi-byte character does not fit at its
 * end, unwritten zero bytes included: a page then had NUL bytes before a character (seen on /vergelijk
 * before an em dash). HTML never carries NUL, so the rendered stream drops them.
 */
function withoutNulBytes() {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, chunk.includes(0) ? Buffer.from(chunk.filter((byte) => byte !== 0)) : chunk);
    },
  });
}

/**
 * A visitor who chose "Mijn regio" gets pages ordered for that region: no shared cache may keep them
 * (the page cache passes such requests, see page-cache.server.ts).
 */
function markPersonal(request: Request, headers: Headers) {
  if (!hasReaderRegionCookie(request.headers.get("cookie"))) return;
  headers.set("Cache-Control", "private, no-store");
  if (!/\bcookie\b/i.test(headers.get("Vary") ?? "")) headers.append("Vary", "Cookie");
}

export function handleDataRequest(response: Response, { request }: LoaderFunctionArgs | ActionFunctionArgs) {
  markPersonal(request, response.headers);
  return response;
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // Crawlers and tests get the whole page at once; browsers get it streamed.
  const readyEvent = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";
  const nonce = loadContext.cspNonce;
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true;
          const body = withoutNulBytes();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          markPersonal(request, responseHeaders);
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors after the shell are already on their way to the error boundary; log them here once.
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY + 1000);
  });
}

/** Logs server errors; a request the client got wrong (a 4xx) or cancelled is not one. */
export function handleError(error: unknown, { request }: LoaderFunctionArgs | ActionFunctionArgs) {
  if (request.signal.aborted) return;
  if (isRouteErrorResponse(error) && error.status < 500) return;
  if (String((error as { code?: unknown } | null)?.code).startsWith("SQLITE_BUSY")) metrics.sqliteBusy.inc();
  // Tests fail on console.error; elsewhere the error goes to the structured log with its request id.
  if (process.env.NODE_ENV === "test") console.error(error);
  else logger().error({ reqId: currentRequest()?.id, err: error }, "request failed");
}
