import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { authenticate } from "~/auth/login.server";
import { holdsElevatedRole } from "~/auth/permissions.server";
import { getSessionIdHash, requireUser, safeRedirect } from "~/auth/session.server";
import {
  disableTotp,
  enableTotp,
  groupedSecret,
  hasTotp,
  otpauthUri,
  qrCodeSvg,
  RECOVERY_CODE_COUNT,
  unusedRecoveryCodes,
} from "~/auth/totp.server";
import { endSetup, readSetupSecret, setupSecret } from "~/auth/totp-setup-cookie.server";
import { Alert } from "~/components/alert";
import { OneTimeCodeField, PasswordField } from "~/components/credential-fields";
import { Form } from "~/components/form";
import { FormFeedback } from "~/components/form-feedback";
import { TextLink } from "~/components/links";
import { SubmitButton } from "~/components/submit-once";
import { Heading, Paragraph } from "~/components/text";
import { formState } from "~/utils/action-result";
import { done, invalid } from "~/utils/action-result.server";
import { getDb } from "~/utils/db.server";
import { totpRequired } from "~/utils/env.server";
import { parseForm, readForm } from "~/utils/forms";
import { parseOr404, searchParamsObject } from "~/utils/http.server";
import { pageMeta } from "~/utils/meta";

export const meta: MetaFunction = () => pageMeta("Tweestapsverificatie");

const SearchSchema = z.object({
  verplicht: z.literal("1").optional(),
  redirectTo: z.string().max(2000).optional(),
});

const CodeFieldSchema = z.string().trim().min(1, "Vul de code uit uw app in.").max(40, "Deze code is te lang.");
const EnableSchema = z.object({ intent: z.literal("enable"), code: CodeFieldSchema, redirectTo: z.string().max(2000) });
const DisableSchema = z.object({
  intent: z.literal("disable"),
  password: z.string().min(1, "Vul uw wachtwoord in.").max(1000),
  code: CodeFieldSchema,
});
const IntentSchema = z.object({ intent: z.enum(["enable", "disable"]) });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const search = parseOr404(SearchSchema, searchParamsObject(request.url));
  const db = getDb();
  const base = {
    required: totpRequired() && holdsElevatedRole(user),
    sentHere: search.verplicht === "1",
    redirectTo: safeRedirect(search.redirectTo, "/account"),
  };
  if (hasTotp(db, user.id)) return { ...base, enabled: true as const, recoveryLeft: unusedRecoveryCodes(db, user.id) };
  const { secret, cookie } = await setupSecret(request, user.id);
  const uri = otpauthUri(secret, user.email);
  return data(
    { ...base, enabled: false as const, secret: groupedSecret(secret), qrSvg: await qrCodeSvg(uri) },
    cookie ? { headers: { "Set-Cookie": cookie } } : undefined,
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  const { intent } = parseOr404(IntentSchema, form, "Deze handeling bestaat niet.");
  const db = getDb();
  if (intent === "enable") {
    const parsed = parseForm(EnableSchema, form);
    if (!parsed.ok)
      return invalid({ values: {}, errors: { code: parsed.errors.code ?? "Dit verzoek klopt niet." } }, { intent });
    const secret = await readSetupSecret(request, user.id);
    if (!secret) {
      const message = "Het instellen duurde te lang of begon in een andere browser. Scan de nieuwe QR-code hieronder.";
      return invalid({ values: {}, errors: { code: message } }, { intent });
    }
    const result = await enableTotp(db, user.id, secret, parsed.data.code, (await getSessionIdHash(request))!);
    if (!result.ok) return invalid({ values: {}, errors: { code: result.message } }, { intent, status: result.status });
    return done(null, {
      intent,
      payload: { codes: result.recoveryCodes, continueTo: safeRedirect(parsed.data.redirectTo, "/account") },
      headers: { "Set-Cookie": await endSetup(), "Cache-Control": "no-store" },
    });
  }
  const parsed = parseForm(DisableSchema, form);
  if (!parsed.ok) return invalid(parsed, { intent });
  if (!(await authenticate(user.email, parsed.data.password))) {
    return invalid({ values: {}, errors: { password: "Dit is niet uw wachtwoord." } }, { intent });
  }
  const result = await disableTotp(db, user.id, parsed.data.code, (await getSessionIdHash(request))!);
  if (!result.ok) return invalid({ values: {}, errors: { code: result.message } }, { intent, status: result.status });
  return done("Tweestapsverificatie staat nu uit. Op andere apparaten en browsers bent u uitgelogd.", { intent });
}

function RecoveryCodes({ codes, continueTo }: { codes: string[]; continueTo: string }) {
  return (
    <>
      <Alert type="ok">
        Tweestapsverificatie staat aan. Vanaf nu vraagt Leertuin bij het inloggen om een code. Op andere apparaten en
        browsers bent u uitgelogd.
      </Alert>
      <Heading level={2} id="herstelcodes-titel">
        Uw herstelcodes
      </Heading>
      <Paragraph>
        Bewaar deze {codes.length} herstelcodes op een veilige plek, bijvoorbeeld op papier of in een
        wachtwoordbeheerder. Met elke code kunt u één keer inloggen als u uw telefoon niet bij de hand heeft. U ziet ze
        alleen nu: Leertuin bewaart ze onleesbaar.
      </Paragraph>
      <ul className="utrecht-unordered-list recovery-codes" aria-labelledby="herstelcodes-titel">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <Paragraph>
        <TextLink to={continueTo}>Ik heb de codes bewaard, ga verder</TextLink>
      </Paragraph>
    </>
  );
}

export default function TwoStepVerification() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const enable = formState(result, { intent: "enable" });
  const disable = formState(result, { intent: "disable" });

  if (enable.result?.payload) {
    return (
      <div className="page-width narrow">
        <Heading level={1}>Tweestapsverificatie</Heading>
        <RecoveryCodes {...enable.result.payload} />
      </div>
    );
  }

  return (
    <div className="page-width narrow">
      <Heading level={1}>Tweestapsverificatie</Heading>
      {page.sentHere && !page.enabled && (
        <Alert type="warning">
          Als leertuinbegeleider of beheerder kunt u besluiten nemen, afspraken publiceren en leden beheren. Daarom logt
          u in met uw wachtwoord én een code uit een app op uw telefoon. Stel dat eerst in; daarna gaat u verder waar u
          was.
        </Alert>
      )}
      <Paragraph>
        Met tweestapsverificatie is uw wachtwoord alleen niet genoeg om in te loggen: u vult ook een code in uit een
        authenticator-app op uw telefoon, zoals Microsoft Authenticator, Google Authenticator of FreeOTP.
        {page.required
          ? " Voor leertuinbegeleiders en beheerders is dit verplicht."
          : " Voor leden is dit niet verplicht, maar wel verstandig."}
      </Paragraph>

      {disable.result?.outcome === "done" && <FormFeedback form={disable} />}
      {page.enabled ? (
        <>
          <Alert type="ok">
            Tweestapsverificatie staat aan. U heeft nog {page.recoveryLeft} van de {RECOVERY_CODE_COUNT} herstelcodes
            over.
          </Alert>
          <section aria-labelledby="uitzetten-titel" className="page-section">
            <Heading level={2} id="uitzetten-titel">
              Tweestapsverificatie uitzetten
            </Heading>
            <Paragraph>
              Nieuwe telefoon? Zet tweestapsverificatie uit en daarna weer aan met de nieuwe telefoon.
              {page.required && " Tot u het opnieuw instelt, kunt u niet werken als leertuinbegeleider of beheerder."}
            </Paragraph>
            <FormFeedback form={disable} fieldIds={{ code: "uitzetten-code" }} />
            <Form method="post" noValidate className="stack-form">
              <input type="hidden" name="intent" value="disable" />
              <PasswordField name="password" label="Uw wachtwoord" error={disable.errors.password} />
              <OneTimeCodeField
                id="uitzetten-code"
                label="Code uit de app (of een herstelcode)"
                error={disable.errors.code}
              />
              <div>
                <SubmitButton appearance="danger">Tweestapsverificatie uitzetten</SubmitButton>
              </div>
            </Form>
          </section>
        </>
      ) : (
        <section aria-labelledby="instellen-titel" className="page-section">
          <Heading level={2} id="instellen-titel">
            Instellen
          </Heading>
          <ol className="utrecht-ordered-list">
            <li>Installeer een authenticator-app op uw telefoon, als u die nog niet heeft.</li>
            <li>Kies in de app voor een nieuw account en scan deze QR-code.</li>
            <li>Vul hieronder de code van zes cijfers in die de app daarna toont.</li>
          </ol>
          <div
            className="totp-qr"
            role="img"
            aria-label="QR-code om Leertuin aan uw authenticator-app toe te voegen"
            // The SVG is made on the server by the qrcode package from our own otpauth address.
            dangerouslySetInnerHTML={{ __html: page.qrSvg }}
          />
          <Paragraph>
            Kunt u niet scannen? Kies in de app voor een sleutel invoeren en typ deze geheime sleutel over:{" "}
            <code className="totp-secret">{page.secret}</code>
          </Paragraph>
          <FormFeedback form={enable} />
          <Form method="post" noValidate className="stack-form">
            <input type="hidden" name="intent" value="enable" />
            <input type="hidden" name="redirectTo" value={page.redirectTo} />
            <OneTimeCodeField
              label="Code uit de app"
              description="Zes cijfers, zonder spaties."
              error={enable.errors.code}
            />
            <div>
              <SubmitButton>Tweestapsverificatie aanzetten</SubmitButton>
            </div>
          </Form>
        </section>
      )}
    </div>
  );
}
