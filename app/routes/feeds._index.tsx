import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { Breadcrumbs } from "~/components/breadcrumbs";
import { Heading, Paragraph } from "~/components/text";
import { parseOr404, searchParamsObject } from "~/utils/http.server";
import { pageMeta } from "~/utils/meta";
import { optionalParam } from "~/utils/params";

export const meta: MetaFunction = () =>
  pageMeta("Nieuwe afspraken volgen", "Wat een feed is en hoe u nieuwe afspraken van een regio of thema volgt.");

/** The feed a reader came to follow: only Leertuin's own region and theme feeds. */
const SearchSchema = z.object({
  feed: optionalParam(z.string().regex(/^\/feeds\/(regios|themas)\/[a-z0-9-]{1,120}\.atom$/)),
});

export function loader({ request }: LoaderFunctionArgs) {
  const { feed } = parseOr404(SearchSchema, searchParamsObject(request.url), "Deze feed bestaat niet.");
  return { feed: feed ? new URL(feed, request.url).href : null };
}

/** For people who click a feed link: what a feed is, and the address to give their feed reader. */
export default function FeedsPage() {
  const { feed } = useLoaderData<typeof loader>();
  return (
    <div className="page-width narrow">
      <Breadcrumbs trail={[]} current="Nieuwe afspraken volgen" />
      <Heading level={1}>Nieuwe afspraken volgen</Heading>
      <Paragraph lead>
        Met een feed hoort u het als er een nieuwe of herziene afspraak is, zonder steeds zelf te kijken.
      </Paragraph>
      <Heading level={2}>Wat is een feed?</Heading>
      <Paragraph>
        Een feed (ook wel RSS- of Atom-feed) is een lijst met het nieuwste van een website, in een vorm die programma's
        lezen. U geeft het adres van de feed aan een feedlezer, bijvoorbeeld de feedfunctie van Outlook, Thunderbird of
        een app als Feedly of NetNewsWire. Die laat u dan elke nieuwe afspraak zien. Leertuin weet niet wie een feed
        volgt: u hoeft zich nergens voor aan te melden.
      </Paragraph>
      {feed && (
        <>
          <Heading level={2}>Het adres van deze feed</Heading>
          <Paragraph>Kopieer dit adres en plak het in uw feedlezer bij "feed toevoegen" of "abonneren":</Paragraph>
          <p className="feed-address">
            <code>{feed}</code>
          </p>
          <Paragraph>
            <a className="utrecht-link" href={feed}>
              Open de feed zelf
            </a>{" "}
            (uw browser toont dan de ruwe lijst, voor programma's).
          </Paragraph>
        </>
      )}
      <Heading level={2}>Liever een overzicht?</Heading>
      <Paragraph>
        Op de pagina van elke regio staan al haar afspraken, ook als één document (de spelregels) en als download voor
        Excel.
      </Paragraph>
    </div>
  );
}
