import { Writable } from "node:stream";

import {
  type ActionFunctionArgs,
  type AppLoadContext,
  type EntryContext,
  type LoaderFunctionArgs,
} from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { renderToPipeableStream, renderToString } from "react-dom/server";
import { z } from "zod";

import { NonceProvider } from "~/components/nonce";
import { pageWantsScripts } from "~/components/page-scripts";
import { hasReaderRegionCookie } from "~/http/cookie-names";
import { metrics } from "~/http/metrics.server";
import { currentRequest } from "~/http/request-context.server";
import { logger } from "~/utils/logger.server";

// Every schema in the app names its own Dutch messages; zod's Dutch defaults cover what a hand-made
// request can still trigger (a field left out of the form altogether).
z.config(z.locales.nl());

const ABORT_DELAY = 5_000;
/**
 * A render that has not finished by then is given up (500). Longer than ABORT_DELAY: no page defers
 * data, and on an overloaded server a whole render waits its turn between other requests' work (seen
 * in npm run test:load at 200 connections, where 6 s cut off renders that were merely queued).
 */
const RENDER_TIMEOUT_MS = 30_000;

/**
 * Collects the rendered document into one buffer. React 18.3's Node renderer sends a whole 2 KB buffer
 * when a multi-byte character does not fit at its end, unwritten zero bytes included (seen on /vergelijk
 * before an em dash); HTML never carries NUL, so they are dropped.
 */
function collected() {
  const chunks: Buffer[] = [];
  let finish: (body: Buffer) => void;
  const body = new Promise<Buffer>((resolve) => (finish = resolve));
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
    final(done) {
      const all = Buffer.concat(chunks);
      finish(all.includes(0) ? Buffer.from(all.filter((byte) => byte !== 0)) : all);
      done();
    },
  });
  return { sink, body };
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

/**
 * Whether the page sends scripts (page-scripts.tsx), decided as the root layout will decide it. A page
 * with an error boundary takes the streaming path whatever its routes say.
 */
function sendsScripts({ staticHandlerContext: { matches, loaderData, errors }, routeModules }: EntryContext) {
  if (errors) return true;
  return pageWantsScripts(
    matches.map((m) => ({ handle: routeModules[m.route.id]?.handle, data: loaderData[m.route.id] })),
  );
}

function documentResponse(request: Request, status: number, headers: Headers, html: Buffer) {
  headers.set("Content-Type", "text/html; charset=utf-8");
  headers.set("Content-Length", String(html.length));
  markPersonal(request, headers);
  return new Response(html as Uint8Array<ArrayBuffer>, { headers, status });
}

/**
 * Renders the whole document before anything is sent, for browsers and crawlers alike: every loader has
 * finished before the render starts (no deferred data), so streaming only cut the page into small
 * writes, each compressed and written on its own. One buffer is compressed and written once, and its
 * length is known (profile in the README, Performance). A page without scripts is one synchronous
 * renderToString; one with scripts needs React's streaming renderer for Remix's data, which goes
 * through the streamed scripts after </html>, so it waits for onAllReady. For the member's dilemma page
 * renderToString took 0.5–0.9 ms less (#19).
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;
  const page = (
    <NonceProvider value={nonce}>
      <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
    </NonceProvider>
  );
  if (!sendsScripts(remixContext)) {
    // The streaming renderer writes the doctype before an <html> root; renderToString leaves it to us.
    const html = Buffer.from(`<!DOCTYPE html>${renderToString(page)}`);
    return documentResponse(request, responseStatusCode, responseHeaders, html);
  }
  return new Promise<Response>((resolve, reject) => {
    const { sink, body } = collected();
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(page, {
      nonce,
      onShellReady() {
        shellRendered = true;
      },
      onAllReady() {
        pipe(sink);
      },
      onShellError(error: unknown) {
        clearTimeout(timer);
        reject(error);
      },
      onError(error: unknown) {
        responseStatusCode = 500;
        // Errors after the shell are already on their way to the error boundary; log them here once.
        if (shellRendered) console.error(error);
      },
    });
    const timer = setTimeout(abort, RENDER_TIMEOUT_MS);
    void body.then((html) => {
      clearTimeout(timer);
      resolve(documentResponse(request, responseStatusCode, responseHeaders, html));
    });
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
