import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { requireUser } from "~/auth/session.server";
import { Form } from "~/components/form";
import { Link } from "~/components/link";
import { Heading, Paragraph } from "~/components/text";
import { done } from "~/utils/action-result.server";
import { formatDateTime } from "~/utils/dates";
import { getDb } from "~/utils/db.server";
import { listNotifications, markAllRead } from "~/workflow/notifications.server";

export const meta: MetaFunction = () => [{ title: "Meldingen — Leertuin" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return {
    notifications: listNotifications(getDb(), user.id).map((n) => ({
      id: n.id,
      message: n.message,
      href: n.href,
      unread: n.readAt === null,
      at: formatDateTime(n.createdAt),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  markAllRead(getDb(), user.id);
  return done(null);
}

export default function Notifications() {
  const { notifications } = useLoaderData<typeof loader>();
  const unread = notifications.filter((n) => n.unread).length;
  return (
    <div className="page-width narrow">
      <Heading level={1}>Meldingen</Heading>
      {notifications.length === 0 ? (
        <Paragraph>
          U heeft geen meldingen. Hier ziet u het als er over uw voorstel is besloten of als iemand op u reageert.
        </Paragraph>
      ) : (
        <>
          <Paragraph>
            {unread === 0
              ? "U heeft alles gelezen."
              : unread === 1
                ? "1 ongelezen melding."
                : `${unread} ongelezen meldingen.`}
          </Paragraph>
          {unread > 0 && (
            <Form method="post">
              <button className="utrecht-button utrecht-button--secondary-action" type="submit">
                Alles als gelezen markeren
              </button>
            </Form>
          )}
          <ul className="notifications">
            {notifications.map((n) => (
              <li key={n.id} className={n.unread ? "notification notification--unread" : "notification"}>
                {n.unread && <strong className="notification__badge">Nieuw</strong>}{" "}
                <Link className="utrecht-link" to={n.href}>
                  {n.message}
                </Link>
                <span className="muted"> — {n.at}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
