import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { getMemberships } from "~/auth/permissions.server";
import { requireUser } from "~/auth/session.server";
import { TextLink } from "~/components/links";
import { Heading, Paragraph } from "~/components/text";
import { pageMeta } from "~/utils/meta";

export const meta: MetaFunction = () => pageMeta("Aanvraag ontvangen");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return {
    pending: getMemberships(user.id)
      .filter((m) => m.status === "pending")
      .map((m) => m.regionName),
  };
}

export default function Thanks() {
  const { pending } = useLoaderData<typeof loader>();
  return (
    <div className="page-width narrow">
      <Heading level={1}>Aanvraag ontvangen</Heading>
      <Paragraph lead>
        {pending.length > 0
          ? `Uw aanvraag voor de leertuin ${pending.join(", ")} wacht op goedkeuring door de leertuinbegeleider.`
          : "Uw account is actief."}
      </Paragraph>
      <Paragraph>
        U bent ingelogd. Tot uw aanvraag is goedgekeurd, kunt u lezen wat iedereen kan lezen. Ga naar de{" "}
        <TextLink to="/">startpagina</TextLink>.
      </Paragraph>
    </div>
  );
}
