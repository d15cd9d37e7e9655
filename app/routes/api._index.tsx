import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { Link } from "~/components/link";
import { Heading, Paragraph } from "~/components/text";
import { publicOrigin } from "~/http/public-origin.server";
import { pageMeta } from "~/utils/meta";

export const meta: MetaFunction = () =>
  pageMeta(
    "Open data en API",
    "De afspraken van de leertuinen als open data: JSON en CSV per regio en per dilemma, en zoeken, beschreven in OpenAPI.",
  );

export function loader() {
  return { origin: publicOrigin() };
}

function Example({ path, children }: { path: string; children: string }) {
  return (
    <li>
      <a className="utrecht-link" href={path}>
        <code>{path}</code>
      </a>{" "}
      — {children}
    </li>
  );
}

export default function ApiPage() {
  const { origin } = useLoaderData<typeof loader>();
  return (
    <div className="page-width text-page">
      <Heading level={1}>Open data en API</Heading>
      <Paragraph lead>
        De afspraken van de leertuinen zijn open data. U kunt ze zonder account en zonder sleutel ophalen, in uw eigen
        programma, spreadsheet of website gebruiken, met een bronvermelding naar Leertuin.
      </Paragraph>

      <Heading level={2}>Wat u kunt ophalen</Heading>
      <ul className="utrecht-unordered-list">
        <Example path="/api/regios/zeeland/afspraken.json">
          de afspraken die in een regio gelden, één per dilemma, met de afweging, voorwaarden en bronnen (JSON).
        </Example>
        <Example path="/api/regios/zeeland/afspraken.csv">
          dezelfde afspraken als CSV voor programma&apos;s: komma&apos;s, vaste kolomnamen, UTF-8.
        </Example>
        <Example path="/api/regios/zeeland/afspraken-excel.csv">
          dezelfde afspraken voor Excel met Nederlandse instellingen: puntkomma&apos;s en Nederlandse kolomnamen.
        </Example>
        <Example path="/api/search?q=school%20wijkteam">
          zoeken in dilemma&apos;s, afspraken en wetsartikelen, met facetten en de richting van elke vraag (JSON).
        </Example>
      </ul>
      <Paragraph>
        Eén dilemma met alle gepubliceerde versies van elke regio haalt u op met{" "}
        <code>/api/dilemmas/&lt;naam-uit-de-adresbalk&gt;</code>. Nieuwe en herziene afspraken volgt u ook met de{" "}
        <Link to="/feeds">nieuwsfeeds</Link>.
      </Paragraph>

      <Heading level={2}>Voorbeeld</Heading>
      <pre className="code-block">
        <code>{`curl ${origin}/api/regios/zeeland/afspraken.json

{
  "schemaVersion": 1,
  "region": { "slug": "zeeland", "name": "Zeeland", … },
  "answers": [
    {
      "dilemma": { "slug": "…", "title": "…", "question": "…", … },
      "version": 2,
      "verdict": "delen-onder-voorwaarden",
      "route": "toestemming",
      "agreedOn": "2024-03-12",
      "conditions": ["…"],
      "citations": [{ "code": "avg", "anchor": "art-6-lid-1-sub-e", … }],
      …
    }
  ]
}`}</code>
      </pre>

      <Heading level={2}>Beschrijving voor ontwikkelaars</Heading>
      <Paragraph>
        De volledige beschrijving, met elk veld en elke foutmelding, staat in{" "}
        <a className="utrecht-link" href="/api/openapi.json">
          /api/openapi.json
        </a>{" "}
        (OpenAPI 3.1). Die wordt gemaakt uit dezelfde schema&apos;s als de antwoorden zelf, en een test controleert dat
        echte antwoorden eraan voldoen. Een fout krijgt status 400 (een parameter klopt niet) of 404 (bestaat niet), met
        een Nederlandse uitleg in <code>error</code>. Verandert er iets waardoor een bestaand programma kan breken, dan
        gaat <code>schemaVersion</code> omhoog; een nieuw veld doet dat niet.
      </Paragraph>
    </div>
  );
}
