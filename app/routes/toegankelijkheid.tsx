import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { Heading, Paragraph } from "~/components/text";
import { platform } from "~/content/platform.server";
import { formatDate } from "~/utils/dates";
import { pageMeta } from "~/utils/meta";

export const meta: MetaFunction = () =>
  pageMeta(
    "Toegankelijkheidsverklaring",
    "Hoe toegankelijk Leertuin is, hoe we dat meten en waar u een probleem meldt.",
  );

/** Digitoegankelijk's statuses, in its own words. */
const STATUS_LABELS = {
  A: "A — voldoet volledig aan de eisen",
  B: "B — voldoet gedeeltelijk aan de eisen",
  C: "C — eerste maatregelen genomen",
  D: "D — toegankelijkheidsverklaring aanwezig, nog geen maatregelen",
  E: "E — voldoet niet aan de eisen",
} as const;

export function loader() {
  const { operator, accessibility } = platform();
  return { operator: operator.name, accessibility };
}

export default function AccessibilityStatement() {
  const { operator, accessibility } = useLoaderData<typeof loader>();
  return (
    <div className="page-width text-page">
      <Heading level={1}>Toegankelijkheidsverklaring</Heading>
      <Paragraph lead>
        {operator} wil dat iedereen Leertuin kan gebruiken, ook met een schermlezer, alleen een toetsenbord, een
        vergroting van 200 % of een klein scherm. De norm is WCAG 2.1 op niveau AA, zoals het Besluit digitale
        toegankelijkheid overheid vraagt.
      </Paragraph>

      <Heading level={2}>Status</Heading>
      <Paragraph>
        Nalevingsstatus: <strong>{STATUS_LABELS[accessibility.status]}</strong>, vastgesteld op{" "}
        {formatDate(accessibility.measured_on)}.
      </Paragraph>

      <Heading level={2}>Hoe we het meten</Heading>
      <ul className="utrecht-unordered-list">
        <li>
          Bij elke wijziging draaien browsertests in Chromium die de belangrijkste taken doorlopen: zoeken, een dilemma
          en de afspraken lezen, regio's vergelijken, inloggen, een dilemma voorstellen, een afspraak publiceren.
        </li>
        <li>
          Op elke bezochte pagina toetst axe-core (de regels voor WCAG 2.0 en 2.1, niveau A en AA) op een
          bureaubladscherm en op een telefoonscherm; een ernstige of kritieke bevinding laat de test falen.
        </li>
        <li>
          Lighthouse (mobiel) meet de startpagina, de zoekpagina en een dilemmapagina; die halen 100 van de 100 voor
          toegankelijkheid.
        </li>
        <li>
          Alle formulieren werken zonder JavaScript en met alleen het toetsenbord; foutmeldingen staan bij het veld.
        </li>
      </ul>

      <Heading level={2}>Wat nog niet goed is</Heading>
      <ul className="utrecht-unordered-list">
        {accessibility.known_issues.map((issue) => (
          <li key={issue}>{issue}</li>
        ))}
      </ul>

      <Heading level={2}>Een probleem melden</Heading>
      <Paragraph>
        Loopt u ergens tegenaan? Mail naar{" "}
        <a className="utrecht-link" href={`mailto:${accessibility.email}`}>
          {accessibility.email}
        </a>{" "}
        met de pagina en wat er misging. U krijgt binnen vijf werkdagen antwoord en binnen twee weken een oplossing of
        een andere manier om de informatie te krijgen. Bent u niet tevreden over de afhandeling, dan kunt u zich wenden
        tot de{" "}
        <a className="utrecht-link" href="https://www.nationaleombudsman.nl">
          Nationale ombudsman
        </a>
        .
      </Paragraph>
    </div>
  );
}
