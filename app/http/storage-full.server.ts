import type { ActionFunctionArgs, LoaderFunctionArgs, ServerBuild } from "@remix-run/node";

import { formValues } from "~/utils/forms";
import { singleton } from "~/utils/singleton.server";
import { metrics } from "./metrics.server";

/** Seconds a writer is asked to wait before trying again when the disk is full. */
export const STORAGE_FULL_RETRY_SECONDS = 120;

/** SQLite's "database or disk is full", or the file system's ENOSPC / EDQUOT. */
export function isStorageFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "SQLITE_FULL" || code === "ENOSPC" || code === "EDQUOT";
}

// A singleton: the HTTP server (server.server.ts) and the app's build each load this module.
const reported = singleton("storage-full-reported", () => ({ at: 0 }));

/** Counts every refusal and logs a full disk at most once a minute, however many requests meet it. */
export function reportStorageFull(error: unknown, now = Date.now()) {
  metrics.storageFull.inc();
  if (now - reported.at < 60_000) return;
  reported.at = now;
  console.error(
    `Storage full (${(error as { code?: string }).code}): writes are refused with 507 until space is freed; ` +
      "reads go on. This message repeats at most once a minute.",
  );
}

/** What the 507 page shows: the fields the writer typed (never a password), to send again. */
export interface StorageFullData {
  kind: "storage-full";
  message: string;
  action: string;
  values: Record<string, string>;
}

export const STORAGE_FULL_MESSAGE =
  "Uw bijdrage is niet opgeslagen: de opslag van Leertuin is op dit moment vol. Er is niets half bewaard. " +
  "Wat u typte staat hieronder; probeer het over een paar minuten opnieuw.";

async function storageFullResponse(copy: Request): Promise<Response> {
  const values: Record<string, string> = {};
  try {
    for (const [name, value] of await copy.formData())
      if (typeof value === "string" && !(name in values)) values[name] = value;
  } catch {
    // A body that is no form (the JSON API) has nothing to show again.
  }
  const url = new URL(copy.url);
  const data: StorageFullData = {
    kind: "storage-full",
    message: STORAGE_FULL_MESSAGE,
    action: url.pathname + url.search.replace(/([?&])_data=[^&]*&?/, "$1").replace(/[?&]$/, ""),
    values: formValues(values) as Record<string, string>,
  };
  return Response.json(data, { status: 507, headers: { "Retry-After": String(STORAGE_FULL_RETRY_SECONDS) } });
}

type Handler<A> = (args: A) => unknown;

/**
 * Every route's action answers a full disk with 507 and the form as typed, and every loader that
 * happens to write with 503: one place instead of a catch in each route. The transaction that failed
 * has rolled back, so nothing half-written is visible.
 */
export function withStorageFullHandling(build: ServerBuild): ServerBuild {
  const routes: ServerBuild["routes"] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    const { action, loader } = route.module;
    const module = { ...route.module };
    if (action) module.action = guardAction(action as Handler<ActionFunctionArgs>);
    if (loader) module.loader = guardLoader(loader as Handler<LoaderFunctionArgs>);
    routes[id] = { ...route, module };
  }
  return { ...build, routes };
}

function guardAction(action: Handler<ActionFunctionArgs>) {
  return async (args: ActionFunctionArgs) => {
    const copy = args.request.clone();
    try {
      return await action(args);
    } catch (error) {
      if (!isStorageFull(error)) throw error;
      reportStorageFull(error);
      throw await storageFullResponse(copy);
    }
  };
}

function guardLoader(loader: Handler<LoaderFunctionArgs>) {
  return async (args: LoaderFunctionArgs) => {
    try {
      return await loader(args);
    } catch (error) {
      if (!isStorageFull(error)) throw error;
      reportStorageFull(error);
      throw Response.json(
        { message: "Leertuin kan deze pagina nu even niet tonen: de opslag is vol. Probeer het later opnieuw." },
        { status: 503, headers: { "Retry-After": String(STORAGE_FULL_RETRY_SECONDS) } },
      );
    }
  };
}
