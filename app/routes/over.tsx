import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { Link } from "~/components/link";
import { Heading, Paragraph } from "~/components/text";
import { platform } from "~/content/platform.server";
import { pageMeta } from "~/utils/meta";

export const meta: MetaFunction = () =>
  pageMeta("Over Leertuin", "Wat Leertuin is, wie het platform beheert en hoe u contact opneemt.");

export function loader() {
  const { operator, security } = platform();
  return { operator, securityContact: security.contact };
}

export default function About() {
  const { operator, securityContact } = useLoaderData<typeof loader>();
  return (
    <div className="page-width text-page">
      <Heading level={1}>Over Leertuin</Heading>
      <Paragraph lead>
        In een leertuin gegevensdeling brengen professionals rond gezinnen — van gemeente en wijkteam, school,
        jeugdhulp, zorg, politie, justitie en Veilig Thuis — echte, geanonimiseerde dilemma's in. Samen wegen ze af of
        en hoe informatie gedeeld mag worden, en leggen ze dat vast als regionale afspraak.
      </Paragraph>
      <Paragraph>
        Leertuin maakt die afspraken doorzoekbaar, met de wetten en beroepscodes waarop ze rusten, zodat een
        professional met een vraag snel ziet wat in de eigen regio is afgesproken, en regio's van elkaar kunnen leren en
        elkaars afspraken kunnen overnemen. De samenvattingen van wetten en beroepscodes zijn in eigen woorden; ze zijn
        een hulpmiddel bij de afweging en geen juridisch advies.
      </Paragraph>

      <Heading level={2}>Wie beheert dit platform</Heading>
      <Paragraph>{operator.description}</Paragraph>
      <Paragraph>
        {operator.name}
        <br />
        {operator.address}
        <br />
        <a className="utrecht-link" href={`mailto:${operator.email}`}>
          {operator.email}
        </a>
        <br />
        <a className="utrecht-link" href={operator.website}>
          {operator.website}
        </a>
      </Paragraph>

      <Heading level={2} id="beveiliging">
        Een beveiligingsprobleem melden
      </Heading>
      <Paragraph>
        Vindt u een zwakke plek in Leertuin? Meld het ons via{" "}
        <a className="utrecht-link" href={securityContact}>
          {securityContact.replace(/^mailto:/, "")}
        </a>{" "}
        en geef ons de tijd om het op te lossen voordat u het openbaar maakt (gecoördineerde melding, zoals het NCSC het
        beschrijft). Gebruik geen gegevens van anderen, maak niets kapot en deel wat u vond met niemand anders. We
        bevestigen uw melding binnen drie werkdagen, houden u op de hoogte en doen geen aangifte als u zich aan deze
        regels houdt. Dezelfde gegevens staan in{" "}
        <a className="utrecht-link" href="/.well-known/security.txt">
          security.txt
        </a>
        .
      </Paragraph>

      <Heading level={2}>Meer weten</Heading>
      <ul className="utrecht-unordered-list">
        <li>
          <Link to="/privacy">Privacyverklaring</Link>: welke gegevens van leden we verwerken en hoe lang.
        </li>
        <li>
          <Link to="/toegankelijkheid">Toegankelijkheidsverklaring</Link>: hoe toegankelijk het platform is.
        </li>
      </ul>
    </div>
  );
}
