// What the load and crash harness does to Leertuin: requests as browsers send them (same-origin forms,
// redirects not followed), writes that carry a unique marker word, and the record of every write the
// server acknowledged, so it can be found in the database afterwards.
import crypto from "node:crypto";
import { performance } from "node:perf_hooks";

import Database from "better-sqlite3";

export const DEMO_PASSWORD = "leertuin-demo";
export const ACCOUNTS = {
  members: [
    { email: "lid.zeeland@leertuin.test", region: "zeeland" },
    { email: "lid.twente@leertuin.test", region: "twente" },
  ],
  facilitators: [
    { email: "begeleider.zeeland@leertuin.test", region: "zeeland" },
    { email: "begeleider.twente@leertuin.test", region: "twente" },
  ],
} as const;

export type Ack =
  | { kind: "comment"; marker: string; slug: string }
  | { kind: "proposal"; marker: string; slug: string }
  | { kind: "publish"; marker: string; slug: string; region: string; version: number }
  | { kind: "accept"; dilemmaId: number };

export interface Outcome {
  kind: string;
  status: number | "error";
  ms: number;
  ack?: Ack;
}

/** What the workload picks from: read from the database before the server starts. */
export interface Library {
  answered: string[];
  themes: string[];
  articles: number[];
  regions: string[];
}

export function readLibrary(database: string): Library {
  const db = new Database(database, { readonly: true });
  try {
    const column = <T>(query: string) => db.prepare(query).pluck().all() as T[];
    return {
      answered: column<string>("select slug from dilemmas where status = 'answered' order by id"),
      themes: column<string>("select slug from themes order by slug"),
      articles: column<number>("select a.id from articles a join codes c on c.id = a.code_id order by a.id limit 3"),
      regions: column<string>("select slug from regions order by slug"),
    };
  } finally {
    db.close();
  }
}

export const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

export type Step = () => Promise<Outcome | Outcome[]>;

/** A picker over steps by weight: `[[3, a], [1, b]]` runs a three times as often as b. */
export function weighted(mix: readonly (readonly [number, Step])[]): () => Step {
  const total = mix.reduce((sum, [w]) => sum + w, 0);
  return () => {
    let r = Math.random() * total;
    for (const [weight, step] of mix) if ((r -= weight) < 0) return step;
    return mix[0]![1];
  };
}

/**
 * Marker words: a run prefix and a counter, in lowercase letters only, so the anonymity guard sees an
 * ordinary word (no digits that could pass for a phone number, no capital that starts a name).
 */
export function markers() {
  const letters = (n: number, width: number) => {
    let word = "";
    for (let i = 0; i < width; i++, n = Math.floor(n / 26)) word = String.fromCharCode(97 + (n % 26)) + word;
    return word;
  };
  const run = `lt${letters(crypto.randomInt(26 ** 4), 4)}`;
  let counter = 0;
  return { run, next: () => `${run}${letters(counter++, 6)}` };
}

const yesterday = () => new Date(Date.now() - 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

export class Client {
  readonly marker = markers();
  constructor(
    public url: string,
    readonly library: Library,
  ) {}

  /** One request, timed; the body is read in full (as a browser would) and returned. */
  async request(
    kind: string,
    path: string,
    init: { cookie?: string; form?: URLSearchParams } = {},
  ): Promise<Outcome & { body: string; location: string | null }> {
    const started = performance.now();
    try {
      const response = await fetch(this.url + path, {
        method: init.form ? "POST" : "GET",
        redirect: "manual",
        headers: {
          ...(init.cookie ? { cookie: init.cookie } : {}),
          ...(init.form ? { "content-type": "application/x-www-form-urlencoded", origin: this.url } : {}),
        },
        body: init.form,
      });
      const body = await response.text();
      return {
        kind,
        status: response.status,
        ms: performance.now() - started,
        body,
        location: response.headers.get("location"),
      };
    } catch {
      return { kind, status: "error", ms: performance.now() - started, body: "", location: null };
    }
  }

  async logIn(email: string, password = DEMO_PASSWORD): Promise<string> {
    const response = await fetch(`${this.url}/inloggen`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: this.url },
      body: new URLSearchParams({ email, password }),
    });
    await response.arrayBuffer();
    if (response.status !== 302) throw new Error(`log-in of ${email} answered ${response.status}`);
    return response.headers.get("set-cookie")!.split(";")[0]!;
  }

  async comment(cookie: string): Promise<Outcome> {
    const marker = this.marker.next();
    const slug = pick(this.library.answered);
    const body = `Reactie ${marker}: bij ons speelt dit ook, we nemen het mee naar het volgende overleg.`;
    const r = await this.request("comment", `/dilemmas/${slug}`, {
      cookie,
      form: new URLSearchParams({ intent: "comment", body }),
    });
    const acknowledged = r.status === 200 && r.body.includes("Uw reactie is geplaatst.");
    return {
      kind: r.kind,
      status: r.status,
      ms: r.ms,
      ack: acknowledged ? { kind: "comment", marker, slug } : undefined,
    };
  }

  async propose(cookie: string, region: string): Promise<Outcome> {
    const marker = this.marker.next();
    const form = new URLSearchParams({
      region,
      title: `Zorgen over verzuim ${marker}`,
      question: `Mag de school het wijkteam vertellen dat een leerling vaak afwezig is (${marker})?`,
      situation:
        "Een leerling komt sinds de zomer vaak niet op school. De mentor maakt zich zorgen en twijfelt wat hij mag vertellen.",
      purpose: "Vroeg hulp bieden",
      holderSector: "onderwijs",
      askingSectors: "wijkteam",
      themes: pick(this.library.themes),
    });
    const r = await this.request("propose", "/voorstellen", { cookie, form });
    const slug = r.status === 302 ? /^\/dilemmas\/([a-z0-9-]+)\?voorgesteld=1$/.exec(r.location ?? "")?.[1] : undefined;
    return { kind: r.kind, status: r.status, ms: r.ms, ack: slug ? { kind: "proposal", marker, slug } : undefined };
  }

  async publish(cookie: string, region: string): Promise<Outcome> {
    const marker = this.marker.next();
    const slug = pick(this.library.answered);
    const form = new URLSearchParams({
      intent: "publish",
      verdict: pick(["delen", "delen-onder-voorwaarden", "niet-delen"]),
      route: "toestemming",
      grounding: "Toestemming van de ouders, gevraagd door de medewerker zelf.",
      purpose: "Het wijkteam kan het gezin tijdig ondersteuning aanbieden.",
      necessity: "Alleen dat er zorgen zijn over aanwezigheid, niet de oorzaak.",
      proportionality: "Eerst met de ouders in gesprek; pas daarna het wijkteam.",
      agreement: `Bespreek de zorgen eerst met de ouders en vraag dan toestemming (${marker}).`,
      conditions: "Informeer de ouders vooraf",
      agreedOn: yesterday(),
      agreedBy: "Leertuin",
      reviewBy: "",
    });
    for (const id of this.library.articles) form.append("citations", String(id));
    const r = await this.request("publish", `/dilemmas/${slug}/afspraken/${region}/bewerken`, { cookie, form });
    const version =
      r.status === 302 ? /\/afspraken\/[a-z0-9-]+\/(\d+)\?gepubliceerd=1$/.exec(r.location ?? "")?.[1] : undefined;
    return {
      kind: r.kind,
      status: r.status,
      ms: r.ms,
      ack: version ? { kind: "publish", marker, slug, region, version: Number(version) } : undefined,
    };
  }

  /** A facilitator opens the agenda and puts the first waiting proposal on it (two may race: 409). */
  async accept(cookie: string, region: string): Promise<Outcome[]> {
    const agenda = await this.request("agenda", `/regios/${region}/agenda`, { cookie });
    const id = /name="dilemmaId" value="(\d+)"/.exec(agenda.body)?.[1];
    const read: Outcome = { kind: agenda.kind, status: agenda.status, ms: agenda.ms };
    return id ? [read, await this.acceptProposal(cookie, region, Number(id))] : [read];
  }

  async acceptProposal(cookie: string, region: string, dilemmaId: number): Promise<Outcome> {
    const r = await this.request("accept", `/regios/${region}/agenda`, {
      cookie,
      form: new URLSearchParams({ intent: "accept", dilemmaId: String(dilemmaId) }),
    });
    const acknowledged = r.status === 200 && r.body.includes("Het voorstel staat op de agenda.");
    return { kind: r.kind, status: r.status, ms: r.ms, ack: acknowledged ? { kind: "accept", dilemmaId } : undefined };
  }
}

/** Every acknowledged write, looked up in the database: each must be there with its content. */
export function verifyAcks(
  db: Database.Database,
  acks: readonly Ack[],
): { found: Record<Ack["kind"], number>; missing: string[] } {
  const found = { comment: 0, proposal: 0, publish: 0, accept: 0 };
  const missing: string[] = [];
  const comment = db
    .prepare(
      "select count(*) from comments c join dilemmas d on d.id = c.dilemma_id where d.slug = ? and instr(c.body_md, ?) > 0",
    )
    .pluck();
  const proposal = db
    .prepare("select count(*) from dilemmas where slug = ? and instr(title, ?) > 0 and instr(question, ?) > 0")
    .pluck();
  const publish = db
    .prepare(
      `select count(*) from answer_versions v join answers a on a.id = v.answer_id join dilemmas d on d.id = a.dilemma_id join regions r on r.id = a.region_id
       where d.slug = ? and r.slug = ? and v.version = ? and v.published_at is not null and instr(v.agreement_md, ?) > 0
         and exists (select 1 from audit_log l where l.action = 'answer.publish' and l.target_id = cast(v.id as text))`,
    )
    .pluck();
  const accept = db
    .prepare(
      "select count(*) from dilemmas d where d.id = ? and d.status in ('on-agenda', 'answered') and exists (select 1 from audit_log l where l.action = 'dilemma.accept' and l.target_id = cast(d.id as text))",
    )
    .pluck();
  for (const ack of acks) {
    const n =
      ack.kind === "comment"
        ? comment.get(ack.slug, ack.marker)
        : ack.kind === "proposal"
          ? proposal.get(ack.slug, ack.marker, ack.marker)
          : ack.kind === "publish"
            ? publish.get(ack.slug, ack.region, ack.version, ack.marker)
            : accept.get(ack.dilemmaId);
    if (n === 1) found[ack.kind]++;
    else missing.push(`${ack.kind} ${JSON.stringify(ack)}: found ${String(n)}`);
  }
  return { found, missing };
}

/** Records of this run in the database (marker prefix), to compare with what was acknowledged. */
export function storedWrites(db: Database.Database, run: string) {
  const like = `%${run}%`;
  const n = (query: string) => db.prepare(query).pluck().get(like) as number;
  return {
    comment: n("select count(*) from comments where body_md like ?"),
    proposal: n("select count(*) from dilemmas where title like ?"),
    publish: n("select count(*) from answer_versions where agreement_md like ? and published_at is not null"),
  };
}

/**
 * What must hold after any crash: SQLite's integrity check, foreign keys, and no half-published answer
 * (a published version without its `answer.publish` audit entry, an entry without its published
 * version, or a published answer whose dilemma is not answered).
 */
export function consistencyProblems(db: Database.Database): string[] {
  const problems = (db.pragma("integrity_check") as { integrity_check: string }[])
    .map((r) => r.integrity_check)
    .filter((r) => r !== "ok");
  const fk = db.pragma("foreign_key_check") as unknown[];
  if (fk.length > 0) problems.push(`${fk.length} foreign key violation(s)`);
  const rows = (label: string, query: string) => {
    const ids = db.prepare(query).pluck().all();
    if (ids.length > 0) problems.push(`${label}: ${ids.slice(0, 10).join(", ")}${ids.length > 10 ? ", …" : ""}`);
  };
  rows(
    "published versions without an answer.publish entry",
    `select v.id from answer_versions v where v.published_at is not null and v.origin = 'app'
       and not exists (select 1 from audit_log l where l.action = 'answer.publish' and l.target_id = cast(v.id as text))`,
  );
  rows(
    "answer.publish entries without their published version",
    `select l.id from audit_log l where l.action = 'answer.publish'
       and not exists (select 1 from answer_versions v where cast(v.id as text) = l.target_id and v.published_at is not null)`,
  );
  rows(
    "published app answers on a dilemma that is not answered",
    `select a.id from answers a join dilemmas d on d.id = a.dilemma_id where a.origin = 'app' and a.status = 'published' and d.status <> 'answered'
       and exists (select 1 from answer_versions v where v.answer_id = a.id and v.published_at is not null)`,
  );
  return problems;
}

/** Latency and status counts per kind of request. */
export class Stats {
  private readonly byKind = new Map<string, { ms: number[]; status: Map<string, number> }>();
  readonly acks: Ack[] = [];

  add(outcome: Outcome) {
    const entry = this.byKind.get(outcome.kind) ?? { ms: [] as number[], status: new Map<string, number>() };
    this.byKind.set(outcome.kind, entry);
    entry.ms.push(outcome.ms);
    const key = outcome.status === "error" ? "error" : `${Math.floor(outcome.status / 100)}xx`;
    entry.status.set(key, (entry.status.get(key) ?? 0) + 1);
    if (outcome.ack) this.acks.push(outcome.ack);
  }

  count(statusClass: string) {
    return [...this.byKind.values()].reduce((sum, e) => sum + (e.status.get(statusClass) ?? 0), 0);
  }

  get total() {
    return [...this.byKind.values()].reduce((sum, e) => sum + e.ms.length, 0);
  }

  table(): string {
    const pct = (sorted: number[], p: number) =>
      sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
    const head = ["request", "count", "2xx", "3xx", "4xx", "5xx", "error", "p50 ms", "p95 ms", "p99 ms", "max ms"];
    const lines = [...this.byKind.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([kind, e]) => {
        const sorted = [...e.ms].sort((a, b) => a - b);
        const s = (k: string) => String(e.status.get(k) ?? 0);
        return [
          kind,
          String(sorted.length),
          s("2xx"),
          s("3xx"),
          s("4xx"),
          s("5xx"),
          s("error"),
          ...[50, 95, 99].map((p) => pct(sorted, p).toFixed(0)),
          sorted.at(-1)!.toFixed(0),
        ];
      });
    const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
    const row = (cells: string[]) =>
      cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
    return [row(head), ...lines.map(row)].join("\n");
  }
}

/** "comments 3, proposals 0, published versions 0": records of the run stored beyond the acknowledged ones. */
export function unacknowledgedStored(stored: ReturnType<typeof storedWrites>, acked: ReturnType<typeof ackCounts>) {
  const labels = { comment: "comments", proposal: "proposals", publish: "published versions" } as const;
  return (["comment", "proposal", "publish"] as const).map((k) => `${labels[k]} ${stored[k] - acked[k]}`).join(", ");
}

export const ackCounts = (acks: readonly Ack[]) => {
  const counts = { comment: 0, proposal: 0, publish: 0, accept: 0 };
  for (const ack of acks) counts[ack.kind]++;
  return counts;
};

/**
 * The account of a run, read from its database once the writes are over: the acknowledged writes
 * found and missing, the run's records stored without an acknowledgement, and the consistency checks.
 */
export function accountForRun(database: string, acks: readonly Ack[], run: string) {
  const db = new Database(database, { readonly: true });
  try {
    const acked = ackCounts(acks);
    return {
      ...verifyAcks(db, acks),
      acked,
      unacknowledged: unacknowledgedStored(storedWrites(db, run), acked),
      problems: consistencyProblems(db),
    };
  } finally {
    db.close();
  }
}
