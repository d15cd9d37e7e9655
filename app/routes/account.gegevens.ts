import type { LoaderFunctionArgs } from "@remix-run/node";

import { getSessionIdHash, requireUser } from "~/auth/session.server";
import { exportAccountData } from "~/models/account-export.server";
import { todayIso } from "~/utils/dates";
import { getDb } from "~/utils/db.server";

// A GET without an audit entry: reading your own data changes nothing, and an entry per download
// would also mark the search index stale (its fingerprint is the newest audit entry).
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const exported = exportAccountData(getDb(), user.id, await getSessionIdHash(request));
  return new Response(JSON.stringify(exported, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="leertuin-mijn-gegevens-${todayIso()}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
