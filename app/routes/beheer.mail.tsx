import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { requireAdmin } from "~/auth/permissions.server";
import { Alert } from "~/components/alert";
import { Table } from "~/components/table";
import { Heading, Paragraph } from "~/components/text";
import { readOutbox } from "~/mail/outbox-view.server";
import { formatDateTime } from "~/utils/dates";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { pageMeta } from "~/utils/meta";

export const meta: MetaFunction = () => pageMeta("E-mail");

const KIND_LABELS: Record<string, string> = {
  notification: "melding",
  digest: "weekoverzicht",
  "review-reminder": "herzieningsherinnering",
};

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const smtp = Boolean(getEnv().SMTP_URL);
  const { counts, rows } = readOutbox(getDb());
  return {
    smtp,
    counts: { pending: counts.pending ?? 0, sent: counts.sent ?? 0, failed: counts.failed ?? 0 },
    rows: rows.map((row) => ({
      id: row.id,
      recipient: row.recipient ?? "voormalig lid",
      kind: KIND_LABELS[row.kind] ?? row.kind,
      subject: row.subject,
      text: row.text,
      status:
        row.status === "sent"
          ? `verzonden ${formatDateTime(row.sentAt!)}`
          : row.status === "failed"
            ? "mislukt, wordt niet meer geprobeerd"
            : !smtp
              ? "niet verzonden: geen SMTP ingesteld"
              : row.attempts === 0
                ? "wacht op verzending"
                : `wacht, volgende poging ${formatDateTime(row.nextAttemptAt)}`,
      attempts: row.attempts,
      lastError: row.lastError,
      created: formatDateTime(row.createdAt),
    })),
  };
}

export default function AdminMail() {
  const { smtp, counts, rows } = useLoaderData<typeof loader>();
  return (
    <div className="page-width">
      <Heading level={1}>E-mail</Heading>
      <Paragraph lead>
        Alle e-mail van Leertuin gaat via de uitbox: meldingen, weekoverzichten en herinneringen aan herziening.
      </Paragraph>
      {smtp ? (
        <Paragraph>
          Een mislukte verzending wordt later opnieuw geprobeerd, steeds met langere tussenpozen. Hieronder ziet u wat
          nog wacht en wat mislukte, met de laatste foutmelding.
        </Paragraph>
      ) : (
        <Alert type="warning">
          Er is geen mailserver ingesteld (SMTP_URL), dus er wordt niets verzonden. De e-mails blijven hier staan en u
          kunt ze hieronder lezen.
        </Alert>
      )}
      <Paragraph>
        Wacht: {counts.pending} · verzonden: {counts.sent} · mislukt: {counts.failed}
      </Paragraph>
      {rows.length === 0 ? (
        <Paragraph>Er staat nog geen e-mail in de uitbox.</Paragraph>
      ) : (
        <Table caption="E-mail in de uitbox" columns={["Aan", "Onderwerp", "Soort", "Status", "Pogingen", "Gemaakt"]}>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>{row.recipient}</td>
              <td>
                <details>
                  <summary>{row.subject}</summary>
                  <pre className="mail-text">{row.text}</pre>
                </details>
              </td>
              <td>{row.kind}</td>
              <td>
                {row.status}
                {row.lastError && (
                  <>
                    <br />
                    <span className="muted">Laatste fout: {row.lastError}</span>
                  </>
                )}
              </td>
              <td>{row.attempts}</td>
              <td>{row.created}</td>
            </tr>
          ))}
        </Table>
      )}
    </div>
  );
}
