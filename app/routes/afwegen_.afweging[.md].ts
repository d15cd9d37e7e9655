import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";

import { LIST_FIELDS } from "~/domain/weighing-form";
import { readForm } from "~/utils/forms";
import { recordMarkdown } from "~/weighing/weighing-record";
import { weighingRecordFromForm } from "~/weighing/weighing-requests.server";

/** Nothing to download without a weighing: the afwegingshulp itself. */
export function loader() {
  return redirect("/afwegen", 303);
}

/**
 * The record of a weighing as a Markdown file, from the printable record page's form. Made for this
 * request only: nothing of it is stored, and it is never kept in a cache.
 */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request, LIST_FIELDS);
  const { state } = await weighingRecordFromForm(request, form);
  if (state.mode !== "record")
    return new Response(
      "Deze afweging kan niet worden gedownload: niet alles is goed ingevuld. Ga terug naar de afweging en leg haar opnieuw vast.",
      { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } },
    );
  return new Response(recordMarkdown(state.record, new URL(request.url).origin), {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="afweging-${new Date().toISOString().slice(0, 10)}.md"`,
      "Cache-Control": "private, no-store",
    },
  });
}
