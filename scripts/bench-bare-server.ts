// The benchmark's yardstick: a bare node:http server that answers with response bytes recorded from the
// real server, from memory. Started by scripts/bench.ts with the recording's file; prints its port.
import fs from "node:fs";
import http from "node:http";

export interface RecordedResponse {
  /** `${path}\n${cookie header}`: the bare server tells a visitor's request from a member's by the cookie. */
  key: string;
  status: number;
  headers: [string, string][];
  body: string; // base64
}

/** Headers node:http writes itself (or that describe the connection, not the response). */
const OWN_HEADERS = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length"]);

export const recordingKey = (path: string, cookie: string | undefined) => `${path}\n${cookie ?? ""}`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const recorded = JSON.parse(fs.readFileSync(process.argv[2]!, "utf8")) as RecordedResponse[];
  const responses = new Map(
    recorded.map((r) => {
      const body = Buffer.from(r.body, "base64");
      const headers = r.headers.filter(([name]) => !OWN_HEADERS.has(name.toLowerCase()));
      headers.push(["Content-Length", String(body.length)]);
      return [r.key, { status: r.status, headers: headers.flat(), body }] as const;
    }),
  );
  const server = http.createServer((req, res) => {
    const found = responses.get(recordingKey(req.url ?? "/", req.headers.cookie));
    if (!found) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.writeHead(found.status, found.headers);
    res.end(found.body);
  });
  server.listen(0, "127.0.0.1", () => {
    const address = server.address();
    console.log(`bare server listening on ${typeof address === "object" && address ? address.port : "?"}`);
  });
}
