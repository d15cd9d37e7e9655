import { describe, expect, it } from "vitest";

import { loadBuild } from "~/http/server.server";
import { warmUpSearch } from "~/http/warm-up.server";
import { useTestServer } from "../support/test-server";

const server = useTestServer();

describe("the search warm-up before the server listens", () => {
  it("answers every search, ranks a region's own records in some, and writes nothing", async () => {
    const db = server.db();
    // Moves when another connection commits to the database.
    const version = () => db.$client.pragma("data_version", { simple: true }) as number;
    const before = version();
    const audit = db.$client.prepare("select count(*) from audit_log").pluck().get();
    // Opens the server's database (a fresh copy per test) before the warm-up reads regions from it.
    await fetch(`${server.url}/api/search?q=school`);

    const answered = await warmUpSearch(await loadBuild(), 2);

    // Two rounds of five searches and five suggestions as a visitor, and three searches with a region.
    expect(answered).toEqual({ ok: 26, ownRegion: 6 });
    expect(version()).toBe(before);
    expect(db.$client.prepare("select count(*) from audit_log").pluck().get()).toBe(audit);
  });
});
