// Copied from @remix-run/express 2.17.5 (packages/remix-express/server.ts,
// https://github.com/remix-run/remix/blob/main/packages/remix-express/server.ts), which does not export
// these two from its entry point. Copyright (c) Remix Software Inc., MIT licence (its LICENSE.md).
import { createReadableStreamFromReadable, writeReadableStreamToWritable } from "@remix-run/node";
import type express from "express";

function createRemixHeaders(requestHeaders: express.Request["headers"]): Headers {
  const headers = new Headers();
  for (const [key, values] of Object.entries(requestHeaders)) {
    if (values) {
      if (Array.isArray(values)) {
        for (const value of values) headers.append(key, value);
      } else {
        headers.set(key, values);
      }
    }
  }
  return headers;
}

/** The Fetch API request Remix handles for an Express request; aborted when the client goes away first. */
export function createRemixRequest(req: express.Request, res: express.Response): Request {
  // req.hostname has no port: take it from X-Forwarded-Host or Host.
  const [, hostnamePortStr] = req.get("X-Forwarded-Host")?.split(":") ?? [];
  const [, hostPortStr] = req.get("host")?.split(":") ?? [];
  const hostnamePort = Number.parseInt(hostnamePortStr ?? "", 10);
  const hostPort = Number.parseInt(hostPortStr ?? "", 10);
  const port = Number.isSafeInteger(hostnamePort) ? hostnamePort : Number.isSafeInteger(hostPort) ? hostPort : "";
  // req.hostname respects the "trust proxy" setting.
  const resolvedHost = `${req.hostname}${port ? `:${port}` : ""}`;
  // req.originalUrl: Remix sees the full path.
  const url = new URL(`${req.protocol}://${resolvedHost}${req.originalUrl}`);

  let controller: AbortController | null = new AbortController();
  const init: RequestInit & { duplex?: "half" } = {
    method: req.method,
    headers: createRemixHeaders(req.headers),
    signal: controller.signal,
  };
  if (req.method !== "GET" && req.method !== "HEAD") {
    init.body = createReadableStreamFromReadable(req);
    init.duplex = "half";
  }
  // `close` without `finish`: the response can no longer be written, so loaders and actions stop.
  res.on("finish", () => (controller = null));
  res.on("close", () => controller?.abort());
  return new Request(url.href, init);
}

/** Writes Remix's response (status, headers, streamed body) to the Express response. */
export async function sendRemixResponse(res: express.Response, nodeResponse: Response): Promise<void> {
  res.statusMessage = nodeResponse.statusText;
  res.status(nodeResponse.status);
  for (const [key, value] of nodeResponse.headers.entries()) res.append(key, value);
  if (nodeResponse.headers.get("Content-Type")?.match(/text\/event-stream/i)) res.flushHeaders();
  if (nodeResponse.body) {
    await writeReadableStreamToWritable(nodeResponse.body, res);
  } else {
    res.end();
  }
}
