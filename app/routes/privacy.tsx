import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { SESSION_DAYS } from "~/auth/session.server";
import { Link } from "~/components/link";
import { Heading, Paragraph } from "~/components/text";
import { platform } from "~/content/platform.server";
import { getEnv } from "~/utils/env.server";
import { pageMeta } from "~/utils/meta";

export const meta: MetaFunction = () =>
  pageMeta(
    "Privacyverklaring",
    "Welke gegevens Leertuin van leden verwerkt, waarom, hoe lang, en welke rechten u heeft (artikel 13 AVG).",
  );

export function loader() {
  const { operator, privacy, retention } = platform();
  return {
    operator,
    privacy,
    auditLogDays: retention.audit_log_days,
    sessionDays: SESSION_DAYS,
    backupsKept: getEnv().BACKUP_KEEP,
  };
}

export default function PrivacyStatement() {
  const { operator, privacy, auditLogDays, sessionDays, backupsKept } = useLoaderData<typeof loader>();
  return (
    <div className="page-width text-page">
      <Heading level={1}>Privacyverklaring</Heading>
      <Paragraph lead>
        Leertuin gaat over zorgvuldig omgaan met gegevens. Daarom leggen we hier uit welke gegevens we van u verwerken,
        waarom, hoe lang we ze bewaren en wat u kunt doen als u dat wilt inzien of laten verwijderen.
      </Paragraph>

      <Heading level={2}>Wie is verantwoordelijk</Heading>
      <Paragraph>
        {operator.name}, {operator.address}, is verwerkingsverantwoordelijke. U bereikt ons voor privacyvragen via{" "}
        <a className="utrecht-link" href={`mailto:${privacy.email}`}>
          {privacy.email}
        </a>
        .{privacy.dpo ? ` ${privacy.dpo}.` : ""}
      </Paragraph>

      <Heading level={2}>Bezoekers zonder account</Heading>
      <Paragraph>
        U kunt de bibliotheek lezen en doorzoeken zonder account. We plaatsen geen volgcookies en gebruiken geen
        analysediensten. Het serverlogboek bewaart per verzoek alleen welk soort pagina werd opgevraagd, de uitkomst en
        de duur, zonder uw IP-adres en zonder wat u zocht. Om misbruik tegen te gaan onthoudt de server het netwerkadres
        van mislukte inlogpogingen en accountaanvragen hoogstens een uur, alleen in het werkgeheugen.
      </Paragraph>

      <Heading level={2}>Welke gegevens van leden</Heading>
      <ul className="utrecht-unordered-list">
        <li>uw naam, e-mailadres, organisatie en beroep, die u zelf opgeeft bij uw aanvraag;</li>
        <li>van welke regio's u lid of leertuinbegeleider bent, en of uw aanvraag is goedgekeurd;</li>
        <li>uw wachtwoord, alleen als onomkeerbare hash (argon2id): niemand kan het teruglezen;</li>
        <li>
          uw sessies: een willekeurige code in een cookie (de database kent alleen een hash ervan) en de vervaldatum,
          zodat u ingelogd blijft;
        </li>
        <li>wat u schrijft: voorstellen, reacties, afspraken en de redenen bij besluiten;</li>
        <li>meldingen die het platform voor u klaarzet;</li>
        <li>het logboek: wie wat deed met welk record en wanneer, zonder de tekst die u schreef.</li>
      </ul>
      <Paragraph>
        Over gezinnen en cliënten verwerken we niets: de anonimiteitscontrole weigert teksten met bijvoorbeeld een BSN,
        adres of telefoonnummer voordat ze worden opgeslagen.
      </Paragraph>

      <Heading level={2}>Waarom, en op welke grond</Heading>
      <Paragraph>
        We gebruiken deze gegevens om u te laten inloggen, uw bijdragen aan uw regio te tonen, leertuinbegeleiders
        aanvragen te laten beoordelen en om achteraf te kunnen nagaan wie welke afspraak heeft gepubliceerd.{" "}
        {privacy.legal_basis}
      </Paragraph>

      <Heading level={2}>Hoe lang we gegevens bewaren</Heading>
      <ul className="utrecht-unordered-list">
        <li>uw account tot u het verwijdert, of tot de beheerder het verwijdert als u geen lid meer bent;</li>
        <li>een sessie tot u uitlogt, en hoogstens {sessionDays} dagen; verlopen sessies worden gewist;</li>
        <li>een link om uw wachtwoord opnieuw in te stellen tot hij is gebruikt of verlopen, en daarna niet meer;</li>
        <li>
          het logboek {auditLogDays} dagen; oudere regels verwijdert het platform zelf, elke dag (dit wordt getest);
        </li>
        <li>back-ups: de nieuwste {backupsKept}; een oudere back-up wordt overschreven.</li>
      </ul>
      <Paragraph>
        Verwijdert u uw account, dan verdwijnen uw naam, e-mailadres, lidmaatschappen en sessies direct. Wat u schreef
        blijft staan onder &lsquo;voormalig lid&rsquo;, omdat anderen erop hebben voortgebouwd.
      </Paragraph>

      <Heading level={2}>Wie de gegevens nog meer verwerken</Heading>
      <ul className="utrecht-unordered-list">
        {privacy.processors.map((p) => (
          <li key={p.name}>
            {p.name}: {p.task}
          </li>
        ))}
      </ul>
      <Paragraph>We verkopen en delen uw gegevens met niemand anders.</Paragraph>

      <Heading level={2}>Uw rechten</Heading>
      <ul className="utrecht-unordered-list">
        <li>
          inzien en meenemen: op <Link to="/account">Mijn account</Link> downloadt u al uw gegevens in één bestand;
        </li>
        <li>
          verbeteren: uw naam, beroep en organisatie past u zelf aan op <Link to="/account">Mijn account</Link>;
        </li>
        <li>
          verwijderen: op <Link to="/account">Mijn account</Link> verwijdert u uw account zelf;
        </li>
        <li>
          bezwaar of beperking: stuur een e-mail naar{" "}
          <a className="utrecht-link" href={`mailto:${privacy.email}`}>
            {privacy.email}
          </a>
          ; we antwoorden binnen een maand.
        </li>
      </ul>
      <Paragraph>
        Bent u het niet eens met hoe we met uw gegevens omgaan, dan kunt u een klacht indienen bij de{" "}
        <a className="utrecht-link" href="https://autoriteitpersoonsgegevens.nl">
          Autoriteit Persoonsgegevens
        </a>
        .
      </Paragraph>
    </div>
  );
}
