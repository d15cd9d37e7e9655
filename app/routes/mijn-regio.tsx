import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { Alert } from "~/components/alert";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { ReaderRegionForm } from "~/components/reader-region-form";
import { Heading, Paragraph } from "~/components/text";
import { listRegionNames } from "~/models/region.server";
import { getDb } from "~/utils/db.server";
import { readForm } from "~/utils/forms";
import { notFound, readNotice } from "~/utils/http.server";
import { pageMeta } from "~/utils/meta";
import { readerRegionPath } from "~/utils/paths";
import { readerRegion, readerRegionCookieHeader, ReaderRegionFormSchema } from "~/utils/reader-region.server";

export const meta: MetaFunction = () => pageMeta("Mijn regio", "Kies de regio waarvan u de afspraken het eerst ziet.");

const NOTICES = { opgeslagen: "Uw regio is opgeslagen.", gewist: "Uw keuze is gewist." };

export async function loader({ request }: LoaderFunctionArgs) {
  return {
    notice: readNotice(request, NOTICES),
    regions: listRegionNames(getDb()).map(({ slug, name }) => ({ slug, name })),
    current: await readerRegion(request),
  };
}

/** Remembers the chosen region in a cookie and goes back to the page the form was on. */
export async function action({ request }: ActionFunctionArgs) {
  const parsed = ReaderRegionFormSchema.safeParse(await readForm(request));
  if (!parsed.success) notFound("Deze regio bestaat niet.");
  const { regio, terug } = parsed.data;
  const regions = listRegionNames(getDb());
  if (regio !== "" && !regions.some((r) => r.slug === regio)) notFound("Deze regio bestaat niet.");
  const to = terug ?? readerRegionPath(regio === "" ? "gewist" : "opgeslagen");
  return redirect(to, {
    status: 303,
    headers: { "Set-Cookie": await readerRegionCookieHeader(regio === "" ? null : regio) },
  });
}

export default function MyRegionPage() {
  const { notice, regions, current } = useLoaderData<typeof loader>();
  return (
    <div className="page-width narrow">
      <Breadcrumbs trail={[{ to: "/", label: "Home" }]} current="Mijn regio" />
      {notice && <Alert type="ok">{notice}</Alert>}
      <Heading level={1}>Mijn regio</Heading>
      <Paragraph lead>
        Regio's maken elk hun eigen afspraken. Kies uw regio: op dilemmapagina's, in lijsten en in de vergelijking staat
        die regio dan steeds bovenaan.
      </Paragraph>
      <Paragraph>
        Uw keuze wordt alleen in een cookie in deze browser bewaard, een jaar lang. Leden van een leertuin hoeven niets
        te kiezen: voor hen komt de regio van hun lidmaatschap vanzelf eerst.
      </Paragraph>
      <ReaderRegionForm regions={regions} current={current} />
    </div>
  );
}
