import type {
  ActionFunctionArgs,
  HeadersFunction,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { WeighingAnswer } from "~/components/weighing-answer";
import { WeighingForm } from "~/components/weighing-form";
import { WeighingRecordPage } from "~/components/weighing-record";
import { LIST_FIELDS } from "~/domain/weighing-form";
import weighingStyles from "~/styles/weighing.css";
import { readForm } from "~/utils/forms";
import { parseOr404 } from "~/utils/http.server";
import { pageMeta } from "~/utils/meta";
import {
  weighingFromForm,
  weighingFromUrl,
  weighingRecordFromForm,
  type WeighingState,
} from "~/weighing/weighing-requests.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: weighingStyles }];

export const meta: MetaFunction = () =>
  pageMeta(
    "Stap voor stap afwegen",
    "Weeg stap voor stap af of u informatie over een gezin mag delen: routes, artikelen en de afspraken van regio's.",
  );

// An answer can depend on the reader's region (a cookie) and a posted one holds the purpose: never kept
// in a shared cache. The empty form is the same for everyone.
export const headers: HeadersFunction = ({ actionHeaders, loaderHeaders }) =>
  actionHeaders.has("Cache-Control") ? actionHeaders : loaderHeaders;

const PRIVATE = { "Cache-Control": "private, no-store" };

const IntentSchema = z.object({ intent: z.enum(["weigh", "record"]) });

/** Anyone may weigh: nothing is read that is not public, and nothing is written. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { status, state } = await weighingFromUrl(request);
  return data<WeighingState>(state, { status, headers: state.mode === "form" ? {} : PRIVATE });
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request, LIST_FIELDS);
  const { intent } = parseOr404(IntentSchema, form, "Deze handeling bestaat niet.");
  if (intent === "weigh") {
    const { status, state } = await weighingFromForm(request, form);
    return data<WeighingState>(state, { status, headers: PRIVATE });
  }
  const { status, state } = await weighingRecordFromForm(request, form);
  return data<WeighingState>(state, { status, headers: PRIVATE });
}

export default function WeighingPage() {
  const loaded = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const state = posted ?? loaded;
  if (state.mode === "record") return <WeighingRecordPage state={state} />;
  if (state.mode === "answer") return <WeighingAnswer state={state} />;
  return <WeighingForm state={state} />;
}
