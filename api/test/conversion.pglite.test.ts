// Conversions on embedded PGlite: the same single-statement and batched writes, slow path and postback route.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordConversion } from "../src/conversions/record.js";
import { startTestApp, type TestApp } from "./helpers/app.js";
import { createClick, createFixture } from "./helpers/conversion-fixtures.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ storage: "pglite" });
});
afterAll(() => t?.stop());

describe("conversions on PGlite", () => {
  it("records, dedupes, changes status and batches", async () => {
    const deps = t.app.deps;
    const f = await createFixture(deps, { postbackUrl: "https://source.example/pb?c={click_id}" });
    const c = await createClick(deps, f, { country: "FR" });
    const r = await t.rest("GET", `/postback?click_id=${c.clickId}&status=pending&txid=P`);
    expect(r.body.outcome).toBe("recorded");
    expect((await t.rest("GET", `/postback?click_id=${c.clickId}&status=pending&txid=P`)).body.outcome).toBe("duplicate");
    expect((await t.rest("GET", `/postback?click_id=${c.clickId}&status=approved&txid=P`)).body.outcome).toBe("status_change");
    const row = await deps.db.prisma.conversion.findUniqueOrThrow({ where: { id: r.body.conversion_id } });
    expect([row.status, row.revenue.toString()]).toEqual(["APPROVED", "25"]);
    const clicks = await Promise.all(Array.from({ length: 10 }, () => createClick(deps, f)));
    const results = await Promise.all([...clicks, ...clicks].map((k) => recordConversion(deps, { clickId: k.clickId, origin: "POSTBACK" })));
    expect(results.filter((x) => x.outcome === "recorded")).toHaveLength(10);
    expect(results.filter((x) => x.outcome === "duplicate")).toHaveLength(10);
    expect((await t.rest("GET", `/pb?hit=${c.offerHitId}&rev=2`)).body.outcome).toBe("recorded");
  });
});
