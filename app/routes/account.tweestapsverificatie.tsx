import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
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
import { TextField } from "~/components/form-field";
import { TextLink } from "~/components/links";
import { Heading, Paragraph } from "~/components/text";
import { getDb } from "~/utils/db.server";
import { totpRequired } from "~/utils/env.server";
import { type FieldErrors, parseForm, readForm } from "~/utils/forms";
import { parseOr404, searchParamsObject } from "~/utils/http.server";
import { pageMeta } from "~/utils/meta";

export const meta: MetaFunction = () => pageMeta("Tweestapsverificatie");

const SearchSchema = z.object({
  verplicht: z.literal("1").optional(),
  redirectTo: z.string().max(2000).optional(),
});

const CodeFieldSchema = z.string().trim().min(1, "Vul de code uit uw app in.").max(40, "Deze code is te lang.");
const EnableSchema = z.object({
  intent: z.literal("aanzetten"),
  code: CodeFieldSchema,
  redirectTo: z.string().max(2000),
});
const DisableSchema = z.object({
  intent: z.literal("uitzetten"),
  password: z.string().min(1, "Vul uw wachtwoord in.").max(1000),
  code: CodeFieldSchema,
});
const IntentSchema = z.object({ intent: z.enum(["aanzetten", "uitzetten"]) });

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
  if (intent === "aanzetten") {
    const parsed = parseForm(EnableSchema, form);
    if (!parsed.ok) return data({ intent, error: parsed.errors.code ?? "Dit verzoek klopt niet.", codes: null }, 400);
    const secret = await readSetupSecret(request, user.id);
    if (!secret) {
      const message = "Het instellen duurde te lang of begon in een andere browser. Scan de nieuwe QR-code hieronder.";
      return data({ intent, error: message, codes: null }, 400);
    }
    const result = await enableTotp(db, user.id, secret, parsed.data.code, (await getSessionIdHash(request))!);
    if (!result.ok) return data({ intent, error: result.message, codes: null }, result.status);
    return data(
      {
        intent,
        error: null,
        codes: result.recoveryCodes,
        continueTo: safeRedirect(parsed.data.redirectTo, "/account"),
      },
      { headers: { "Set-Cookie": await endSetup(), "Cache-Control": "no-store" } },
    );
  }
  const refused = (errors: FieldErrors, status: number) => data({ intent, errors, error: null, done: false }, status);
  const parsed = parseForm(DisableSchema, form);
  if (!parsed.ok) return refused(parsed.errors, 400);
  if (!(await authenticate(user.email, parsed.data.password))) {
    return refused({ password: "Dit is niet uw wachtwoord." }, 400);
  }
  const result = await disableTotp(db, user.id, parsed.data.code, (await getSessionIdHash(request))!);
  if (!result.ok) return refused({ code: result.message }, result.status);
  return data({ intent, errors: {} as FieldErrors, error: null, done: true });
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

  if (result?.intent === "aanzetten" && result.codes) {
    return (
      <div className="page-width narrow">
        <Heading level={1}>Tweestapsverificatie</Heading>
        <RecoveryCodes codes={result.codes} continueTo={"continueTo" in result ? result.continueTo : "/account"} />
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

      {result?.intent === "uitzetten" && result.done && (
        <Alert type="ok">Tweestapsverificatie staat nu uit. Op andere apparaten en browsers bent u uitgelogd.</Alert>
      )}
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
            {result?.intent === "uitzetten" && !result.done && (
              <Alert type="error">Niet alles is goed ingevuld. Kijk bij de velden hieronder.</Alert>
            )}
            <Form method="post" noValidate className="stack-form">
              <input type="hidden" name="intent" value="uitzetten" />
              <TextField
                name="password"
                label="Uw wachtwoord"
                type="password"
                autoComplete="current-password"
                error={result?.intent === "uitzetten" && "errors" in result ? result.errors.password : undefined}
              />
              <TextField
                name="code"
                id="uitzetten-code"
                label="Code uit de app (of een herstelcode)"
                autoComplete="one-time-code"
                error={result?.intent === "uitzetten" && "errors" in result ? result.errors.code : undefined}
              />
              <div>
                <button className="utrecht-button utrecht-button--primary-action button-danger" type="submit">
                  Tweestapsverificatie uitzetten
                </button>
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
          {result?.intent === "aanzetten" && result.error && <Alert type="error">{result.error}</Alert>}
          <Form method="post" noValidate className="stack-form">
            <input type="hidden" name="intent" value="aanzetten" />
            <input type="hidden" name="redirectTo" value={page.redirectTo} />
            <TextField
              name="code"
              label="Code uit de app"
              description="Zes cijfers, zonder spaties."
              autoComplete="one-time-code"
              error={result?.intent === "aanzetten" ? (result.error ?? undefined) : undefined}
            />
            <div>
              <button className="utrecht-button utrecht-button--primary-action" type="submit">
                Tweestapsverificatie aanzetten
              </button>
            </div>
          </Form>
        </section>
      )}
    </div>
  );
}
