import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";

import { activeMemberships } from "~/auth/permissions.server";
import { getUser } from "~/auth/session.server";
import { TextLink } from "~/components/links";
import { useNonce } from "~/components/nonce";
import { ScriptsRunContext, useScriptsRun } from "~/components/page-scripts";
import { RouteAnnouncer, SiteFooter, SiteHeader, SkipLink } from "~/components/site-chrome";
import { StorageFull } from "~/components/storage-full";
import { Heading, Paragraph } from "~/components/text";
import { publicOrigin } from "~/http/public-origin.server";
import { currentRequest, noteRequestRole } from "~/http/request-context.server";
import type { StorageFullData } from "~/http/storage-full.server";
import { waitingOnAgenda } from "~/models/agenda-count.server";
import siteStyles from "~/styles/site.css";
import { getDb } from "~/utils/db.server";
import { unreadCount } from "~/workflow/notifications.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: siteStyles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [
  { title: "Leertuin — gegevens delen rond gezinnen" },
  {
    name: "description",
    content: "Dilemma's, regionale afspraken en beroepscodes over het delen van informatie rond gezinnen.",
  },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  // Shown on an error page, so a person can quote it; the same id is in the log line and X-Request-Id.
  const requestId = currentRequest()?.id ?? null;
  // Canonical and Open Graph addresses start with PUBLIC_URL, never with the request's Host.
  const origin = publicOrigin();
  if (!user) return { user: null, requestId, origin };
  const active = activeMemberships(user);
  const facilitates = active.filter((m) => m.role === "facilitator");
  if (!user.isAdmin) noteRequestRole(facilitates.length > 0 ? "facilitator" : active.length > 0 ? "member" : "pending");
  const agenda = !user.isAdmin && facilitates.length === 1 ? facilitates[0]! : null;
  return {
    requestId,
    origin,
    user: {
      name: user.name,
      isAdmin: user.isAdmin,
      member: user.isAdmin || active.length > 0,
      facilitator: user.isAdmin || facilitates.length > 0,
      /** The agenda in the header when there is exactly one to run; others reach theirs from the region page. */
      agenda: agenda?.regionSlug ?? null,
      /** Proposals and suggestions waiting on that agenda, shown beside its link. */
      agendaWaiting: agenda ? waitingOnAgenda(getDb(), agenda.regionId) : 0,
      unread: unreadCount(getDb(), user.id),
    },
  };
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const origin = useRouteLoaderData<typeof loader>("root")?.origin;
  const { pathname } = useLocation();
  const scripts = useScriptsRun();
  return (
    <html lang="nl" className="utrecht-root">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        {origin && (
          <>
            <link rel="canonical" href={origin + pathname} />
            <meta property="og:url" content={origin + pathname} />
            <meta property="og:site_name" content="Leertuin" />
            <meta property="og:locale" content="nl_NL" />
            <meta property="og:type" content="website" />
          </>
        )}
        <Links />
      </head>
      <body className="utrecht-theme leertuin-theme utrecht-body">
        <SkipLink />
        <ScriptsRunContext.Provider value={scripts}>
          <div className="utrecht-page site">
            <SiteHeader />
            <main id="inhoud" className="site-main" tabIndex={-1}>
              {children}
            </main>
            <SiteFooter />
          </div>
        </ScriptsRunContext.Provider>
        {scripts && (
          <>
            <RouteAnnouncer />
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        )}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

const TITLES: Record<number, string> = { 403: "Geen toegang", 404: "Pagina niet gevonden" };
const DEFAULT_MESSAGES: Record<number, string> = {
  403: "U heeft geen toegang tot deze pagina.",
  404: "Deze pagina bestaat niet (meer).",
};

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (isRouteErrorResponse(error) && status === 507 && error.data?.kind === "storage-full") {
    return (
      <ErrorPage title="Niet opgeslagen: de opslag is vol">
        <StorageFull data={error.data as StorageFullData} />
      </ErrorPage>
    );
  }
  if (status === 403 || status === 404) {
    const data = isRouteErrorResponse(error) ? error.data : null;
    const message =
      typeof data === "object" && data && "message" in data ? String(data.message) : DEFAULT_MESSAGES[status];
    return (
      <ErrorPage title={TITLES[status]!}>
        <Paragraph lead>{message}</Paragraph>
        <Paragraph>
          Controleer het adres, of ga naar de <TextLink to="/">startpagina</TextLink> of de{" "}
          <TextLink to="/dilemmas">lijst met dilemma's</TextLink>.
        </Paragraph>
      </ErrorPage>
    );
  }
  const data = isRouteErrorResponse(error) ? error.data : null;
  const given =
    (status < 500 || status === 503) && typeof data === "object" && data && "message" in data
      ? String(data.message)
      : null;
  return (
    <ErrorPage title={status >= 500 ? "Er ging iets mis" : "Dit verzoek kan niet worden verwerkt"}>
      <Paragraph lead>
        {given ??
          (status >= 500
            ? "Door een fout aan onze kant kunnen we deze pagina nu niet tonen. Probeer het later nog eens."
            : "Het verzoek klopt niet. Ga terug en probeer het opnieuw.")}
      </Paragraph>
      <Paragraph>
        Ga naar de <TextLink to="/">startpagina</TextLink>.
      </Paragraph>
    </ErrorPage>
  );
}

function ErrorPage({ title, children }: { title: string; children: ReactNode }) {
  const requestId = useRouteLoaderData<typeof loader>("root")?.requestId;
  return (
    <div className="page-width">
      <title>{`${title} — Leertuin`}</title>
      <Heading level={1}>{title}</Heading>
      {children}
      {requestId && (
        <Paragraph small>
          Neemt u contact op over deze fout? Noem dan deze code: <code>{requestId}</code>.
        </Paragraph>
      )}
    </div>
  );
}
