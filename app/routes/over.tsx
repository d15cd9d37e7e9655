import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { Heading, Paragraph } from "~/components/text";
import { platform } from "~/content/platform.server";
import { pageMeta } from "~/utils/meta";

export const meta: MetaFunction = () =>
  pageMeta("Over Leertuin", "Wat Leertuin is, wie het platform beheert en hoe u contact opneemt.");

export function loader() {
  return { operator: platform().operator };
}

export default function About() {
  const { operator } = useLoaderData<typeof loader>();
  return (
    <div className="page-width">
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

      <Heading level={2}>Meer weten</Heading>
      <ul className="utrecht-unordered-list">
        <li>
          <Link to="/privacy">Privacyverklaring</Link>: welke gegevens van leden we verwerken en hoe lang.
        </li>
        <li>
          <Link to="/toegankelijkheid">Toegankelijkheidsverklaring</Link>: hoe toegankelijk het platform is.
        </li>
        <li>
          <a className="utrecht-link" href="/.well-known/security.txt">
            Een beveiligingsprobleem melden
          </a>
          : waar u terecht kunt als u een kwetsbaarheid vindt.
        </li>
      </ul>
    </div>
  );
}
