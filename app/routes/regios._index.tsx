import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { OwnRegionTag } from "~/components/badges";
import { Link } from "~/components/link";
import { ReaderRegionForm } from "~/components/reader-region-form";
import { Heading, Paragraph } from "~/components/text";
import { listRegions } from "~/models/region.server";
import { formatDate } from "~/utils/dates";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";
import { regionPath } from "~/utils/paths";
import { ownRegionFirst, readerRegion } from "~/utils/reader-region.server";

export const meta: MetaFunction = () =>
  pageMeta("Regio's", "De regio's met een leertuin gegevensdeling en hun afspraken.");

export async function loader({ request }: LoaderFunctionArgs) {
  const reader = await readerRegion(request);
  return { regions: ownRegionFirst(listRegions(getDb()), reader?.slug, (r) => r.slug), reader };
}

export default function Regions() {
  const { regions, reader } = useLoaderData<typeof loader>();
  return (
    <div className="page-width">
      <Heading level={1}>Regio's</Heading>
      <Paragraph lead>
        In elke leertuin brengen professionals van gemeenten, scholen, zorg, politie en justitie dilemma's in en maken
        ze samen afspraken over het delen van gegevens.
      </Paragraph>
      <ReaderRegionForm
        regions={[...regions].sort((a, b) => a.name.localeCompare(b.name, "nl"))}
        current={reader}
        returnTo="/regios"
      />
      <div className="table-wrap" role="region" aria-label="Regio's met hun leertuin" tabIndex={0}>
        <table className="utrecht-table">
          <caption className="visually-hidden">Regio's met hun leertuin</caption>
          <thead>
            <tr>
              <th scope="col">Regio</th>
              <th scope="col">Provincie</th>
              <th scope="col">Leertuin sinds</th>
              <th scope="col">Organisaties</th>
              <th scope="col">Afspraken</th>
            </tr>
          </thead>
          <tbody>
            {regions.map((r) => (
              <tr key={r.slug}>
                <th scope="row">
                  <Link className="utrecht-link" to={regionPath(r.slug)}>
                    {r.name}
                  </Link>
                  {r.slug === reader?.slug && (
                    <>
                      {" "}
                      <OwnRegionTag />
                    </>
                  )}
                </th>
                <td>{r.province}</td>
                <td>{formatDate(r.since)}</td>
                <td>{r.organisationCount}</td>
                <td>{r.answerCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
