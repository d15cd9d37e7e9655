import { SMTPServer } from "smtp-server";

/** A received message, parsed as far as the tests need: headers, and the text and HTML parts decoded. */
export interface ReceivedMail {
  to: string[];
  headers: Map<string, string>;
  subject: string;
  text: string;
  html: string;
  raw: string;
}

function decodePart(headers: Map<string, string>, body: string): string {
  const encoding = (headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") {
    const bytes = body
      .replace(/=\r?\n/g, "")
      .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  }
  return body;
}

function splitHeaders(raw: string): { headers: Map<string, string>; body: string } {
  const end = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, end).replace(/\r?\n[ \t]+/g, " ");
  const headers = new Map<string, string>();
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: raw.slice(end).replace(/^\r?\n\r?\n/, "") };
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= and =?UTF-8?B?…?=) in a header. */
function decodeWords(value: string): string {
  return value.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_, kind: string, text: string) =>
    kind.toUpperCase() === "B"
      ? Buffer.from(text, "base64").toString("utf8")
      : decodePart(new Map([["content-transfer-encoding", "quoted-printable"]]), text.replaceAll("_", " ")),
  );
}

export function parseMail(raw: string, to: string[]): ReceivedMail {
  const { headers, body } = splitHeaders(raw);
  let text = "";
  let html = "";
  const boundary = /boundary="?([^";]+)"?/.exec(headers.get("content-type") ?? "")?.[1];
  const parts = boundary ? body.split(`--${boundary}`).slice(1, -1) : [raw];
  for (const part of parts) {
    const parsed = splitHeaders(part.replace(/^\r?\n/, ""));
    const type = parsed.headers.get("content-type") ?? "";
    if (type.startsWith("text/plain")) text = decodePart(parsed.headers, parsed.body);
    if (type.startsWith("text/html")) html = decodePart(parsed.headers, parsed.body);
  }
  return { to, headers, subject: decodeWords(headers.get("subject") ?? ""), text, html, raw };
}

/**
 * A real SMTP server on a port of its own, keeping what it receives. `reject` makes it answer every
 * message with a temporary failure (451); `onReceived` runs as each message arrives; `stop` and `start` take it off the network and back on the same port.
 */
export function smtpSink() {
  const received: ReceivedMail[] = [];
  const state: { reject: boolean; port: number; onReceived?: (mail: ReceivedMail) => void } = {
    reject: false,
    port: 0,
  };
  let server: SMTPServer | null = null;
  const create = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          if (state.reject) {
            const error = Object.assign(new Error("Tijdelijk niet beschikbaar"), { responseCode: 451 });
            return callback(error);
          }
          const mail = parseMail(
            Buffer.concat(chunks).toString("utf8"),
            session.envelope.rcptTo.map((r) => r.address),
          );
          received.push(mail);
          state.onReceived?.(mail);
          callback();
        });
      },
    });
  return {
    received,
    state,
    get url() {
      return `smtp://127.0.0.1:${state.port}`;
    },
    start: () =>
      new Promise<void>((resolve, reject) => {
        server = create();
        server.on("error", reject);
        server.listen(state.port, "127.0.0.1", () => {
          const address = (server as unknown as { server: { address(): { port: number } } }).server.address();
          state.port = address.port;
          resolve();
        });
      }),
    stop: () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
  };
}
