// Without SMTP_URL (the two-command start) mail stays in the outbox and admins read it at /beheer/mail.
import { describe, expect, it } from "vitest";

import { mailRound } from "../../app/mail/mail-worker.server";
import { DEMO, httpClient, proposalForm } from "../support/http";
import { useTestServer } from "../support/test-server";

delete process.env.SMTP_URL;
const server = useTestServer({ mailWorker: true });
const http = httpClient(server);

describe("mail without SMTP", () => {
  it("keeps the mails in the outbox, readable by admins only", async () => {
    const response = await http.post(
      "/voorstellen",
      proposalForm({ title: "Voorstel zonder mailserver" }),
      await http.logIn(DEMO.member),
    );
    expect(response.status).toBe(302);
    await mailRound();
    const rows = http.sql<{ status: string; attempts: number; text: string }>(
      "select o.status, o.attempts, o.text from mail_outbox o join users u on u.id = o.user_id where u.email = ? and o.kind = 'notification'",
      DEMO.facilitator,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "pending", attempts: 0 });

    const page = await http.html(await http.get("/beheer/mail", await http.logIn(DEMO.admin)));
    expect(page).toContain("Er is geen mailserver ingesteld (SMTP_URL)");
    expect(page).toContain("niet verzonden: geen SMTP ingesteld");
    expect(page).toContain("Leertuin: nieuw voorstel voor uw regio");
    expect(page).toContain("Voorstel zonder mailserver");
    expect((await http.get("/beheer/mail", await http.logIn(DEMO.facilitator))).status).toBe(403);
  });
});
