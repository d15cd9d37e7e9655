import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { getMemberships, requireRegionBySlug } from "~/auth/permissions.server";
import { getUser } from "~/auth/session.server";
import { TextLink } from "~/components/links";
import { Heading, Paragraph } from "~/components/text";
import { getDb } from "~/utils/db.server";
import { parseOr404, searchParamsObject } from "~/utils/http.server";
import { pageMeta } from "~/utils/meta";
import { optionalParam, SlugSchema } from "~/utils/params";

export const meta: MetaFunction = () => pageMeta("Aanvraag ontvangen");

const QuerySchema = z.object({ regio: optionalParam(SlugSchema) });

/**
 * After a registration, for everyone alike: whether the address was new or already had an account is
 * not said here (nor anywhere), so the page names only the region that was chosen.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { regio } = parseOr404(QuerySchema, searchParamsObject(request.url));
  const region = regio ? requireRegionBySlug(getDb(), regio) : null;
  const user = await getUser(request);
  return {
    regionName: region?.name ?? null,
    pending: user
      ? getMemberships(user.id)
          .filter((m) => m.status === "pending")
          .map((m) => m.regionName)
      : null,
  };
}

export default function Thanks() {
  const { regionName, pending } = useLoaderData<typeof loader>();
  if (pending) {
    return (
      <div className="page-width narrow">
        <Heading level={1}>Aanvraag ontvangen</Heading>
        <Paragraph lead>
          {pending.length > 0
            ? `Uw aanvraag voor de leertuin ${pending.join(", ")} wacht op goedkeuring door de leertuinbegeleider.`
            : "Uw account is actief."}
        </Paragraph>
        <Paragraph>
          Tot uw aanvraag is goedgekeurd, kunt u lezen wat iedereen kan lezen. Ga naar de{" "}
          <TextLink to="/">startpagina</TextLink>.
        </Paragraph>
      </div>
    );
  }
  return (
    <div className="page-width narrow">
      <Heading level={1}>Aanvraag ontvangen</Heading>
      <Paragraph lead>
        {regionName
          ? `Bedankt. Uw aanvraag voor de leertuin ${regionName} gaat naar de leertuinbegeleider, die haar beoordeelt.`
          : "Bedankt. Uw aanvraag gaat naar de leertuinbegeleider van de regio die u koos, die haar beoordeelt."}
      </Paragraph>
      <Paragraph>
        U kunt nu <TextLink to="/inloggen">inloggen</TextLink> met uw e-mailadres en het wachtwoord dat u koos. Tot uw
        aanvraag is goedgekeurd, leest u wat iedereen kan lezen. Had u al een account? Log dan in met uw bekende
        wachtwoord, of vraag uw leertuinbegeleider om een herstellink.
      </Paragraph>
    </div>
  );
}
