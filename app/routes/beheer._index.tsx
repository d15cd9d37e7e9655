import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { asc, eq } from "drizzle-orm";

import { requireAdmin } from "~/auth/permissions.server";
import { OriginTag } from "~/components/admin";
import { ButtonLink, TextLink } from "~/components/links";
import { Table } from "~/components/table";
import { Heading, Paragraph } from "~/components/text";
import { listRegionsForAdmin } from "~/models/region-admin.server";
import { formatDate } from "~/utils/dates";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";
import { adminRegionPath } from "~/utils/paths";
import * as t from "../../db/schema";

export const meta: MetaFunction = () => pageMeta("Beheer");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const db = getDb();
  const regions = listRegionsForAdmin(db);
  return {
    regions,
    admins: db
      .select({ name: t.users.name })
      .from(t.users)
      .where(eq(t.users.isAdmin, true))
      .orderBy(asc(t.users.name))
      .all()
      .map((a) => a.name),
    pending: regions.reduce((sum, r) => sum + r.pending, 0),
  };
}

export default function Admin() {
  const { regions, admins, pending } = useLoaderData<typeof loader>();
  return (
    <div className="page-width">
      <Heading level={1}>Beheer</Heading>
      <Paragraph lead>De regio's van Leertuin, hun organisaties en wie welke rol heeft.</Paragraph>
      <Paragraph>
        Wat Leertuin aan e-mail verstuurt, wat nog wacht en wat mislukte: zie{" "}
        <TextLink to="/beheer/mail">E-mail</TextLink>.
      </Paragraph>

      <section aria-labelledby="regios-titel">
        <Heading level={2} id="regios-titel">
          Regio's
        </Heading>
        <Paragraph>
          Regio's en organisaties uit de bibliotheek (de map <code>content/</code>) kunt u hier bekijken, maar niet
          wijzigen: bij elke import komen ze terug zoals ze in de bestanden staan. Een organisatie toevoegen aan zo'n
          regio kan wel.
        </Paragraph>
        <p>
          <ButtonLink to="/beheer/regios/nieuw" appearance="primary">
            Nieuwe regio
          </ButtonLink>
        </p>
        <Table
          caption="Alle regio's met hun organisaties en mensen"
          columns={["Regio", "Provincie", "Sinds", "Organisaties", "Begeleiders", "Leden", "Herkomst"]}
        >
          {regions.map((r) => (
            <tr key={r.slug}>
              <th scope="row">
                <TextLink to={adminRegionPath(r.slug)}>{r.name}</TextLink>
              </th>
              <td>{r.province}</td>
              <td>{formatDate(r.since)}</td>
              <td>{r.organisations}</td>
              <td>{r.facilitators}</td>
              <td>
                {r.members}
                {r.pending > 0 && ` (+${r.pending} wachtend)`}
              </td>
              <td>
                <OriginTag origin={r.origin} />
              </td>
            </tr>
          ))}
        </Table>
      </section>

      <section aria-labelledby="rollen-titel" className="page-section">
        <Heading level={2} id="rollen-titel">
          Rollen
        </Heading>
        <Paragraph>
          Platformbeheerders: {admins.join(", ")}. Maak leden leertuinbegeleider van hun regio, of geef en neem de rol
          van platformbeheerder, bij <TextLink to="/beheer/rollen">Rollen</TextLink>.
        </Paragraph>
        <Paragraph>
          {pending === 0
            ? "Er wachten geen aanvragen van nieuwe leden."
            : `${pending === 1 ? "Er wacht 1 aanvraag" : `Er wachten ${pending} aanvragen`} van nieuwe leden.`}{" "}
          <TextLink to="/beheer/leden">Leden goedkeuren</TextLink>
        </Paragraph>
      </section>
    </div>
  );
}
