import { formatDateTime } from "~/utils/dates";
import { Alert } from "./alert";

/**
 * "Leertuin Zeeland heeft haar afspraak ingetrokken op 3 juni 2026 om 14:05. Reden: …". Made in a
 * loader: Node's and the browser's Intl may word a time differently, which breaks hydration.
 */
export function withdrawalMessage(withdrawal: { regionName: string; withdrawnAt: string; reason: string | null }) {
  const reason = withdrawal.reason ? ` Reden: ${withdrawal.reason}` : "";
  return `Leertuin ${withdrawal.regionName} heeft haar afspraak ingetrokken op ${formatDateTime(withdrawal.withdrawnAt)}.${reason}`;
}

/** Where a region's answer stood: why it is no longer there. Its id is the answer's anchor. */
export function WithdrawnAnswerNotice({ regionSlug, message }: { regionSlug: string; message: string }) {
  return (
    <div id={regionSlug}>
      <Alert type="warning">{message}</Alert>
    </div>
  );
}
