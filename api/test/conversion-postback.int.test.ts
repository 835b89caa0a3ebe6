import http from "node:http";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostbackKey, revokePostbackKey, setInstallPostbackPolicy, setNetworkPostbackPolicy } from "../src/conversions/postback-keys.js";
import { ALIASES } from "../src/conversions/postback-params.js";
import type { Deps } from "../src/deps.js";
import { startTestApp, type TestApp } from "./helpers/app.js";
import { createClick, createFixture, type Fixture } from "./helpers/conversion-fixtures.js";

let t: TestApp;
let deps: Deps;
let f: Fixture;
let receiver: http.Server;
let receiverUrl: string;
const received: string[] = [];
let failFirst = 0;

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    received.push(req.url ?? "");
    if (failFirst > 0) {
      failFirst--;
      res.writeHead(500);
      return res.end("boom");
    }
    res.end("ok");
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  t = await startTestApp({ env: { OUTBOUND_ALLOW_PRIVATE: "true", OUTBOX_BACKOFF_MS: "100", TRUSTED_PROXIES: "127.0.0.1" } });
  deps = t.app.deps;
  f = await createFixture(deps, { postbackUrl: `${receiverUrl}/pb?cid={click_id}&payout={payout}&status={status}&tx={txid}` });
});
afterAll(async () => {
  await t?.stop();
  receiver?.close();
});

const get = (path: string, headers: Record<string, string> = {}) => t.rest("GET", path, { headers });
const count = (clickId: string) => deps.db.prisma.conversion.count({ where: { clickId } });
const waitFor = async (fn: () => Promise<boolean> | boolean, ms = 10_000) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await fn()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("timed out waiting");
};

describe("/postback aliases", () => {
  it("accepts every click id alias", async () => {
    for (const alias of ALIASES.click) {
      const c = await createClick(deps, f);
      const r = await get(`/postback?${alias}=${c.clickId}`);
      expect(r.status, alias).toBe(200);
      expect(r.body.outcome).toBe("recorded");
      expect(await count(c.clickId)).toBe(1);
    }
  });

  it("accepts every payout alias", async () => {
    for (const alias of ALIASES.payout) {
      const c = await createClick(deps, f);
      const r = await get(`/postback?click_id=${c.clickId}&${alias}=12.34`);
      expect(r.status, alias).toBe(200);
      const row = await deps.db.prisma.conversion.findFirstOrThrow({ where: { clickId: c.clickId } });
      expect(row.revenue.toString(), alias).toBe("12.34");
    }
  });

  it("accepts every status and transaction id alias", async () => {
    for (const alias of ALIASES.status) {
      const c = await createClick(deps, f);
      expect((await get(`/postback?click_id=${c.clickId}&${alias}=pending`)).status).toBe(200);
      const row = await deps.db.prisma.conversion.findFirstOrThrow({ where: { clickId: c.clickId } });
      expect([row.status, row.revenue.toString()], alias).toEqual(["PENDING", "0.01"]);
    }
    for (const alias of ALIASES.tx) {
      const c = await createClick(deps, f);
      expect((await get(`/postback?click_id=${c.clickId}&${alias}=T-${alias}`)).status).toBe(200);
      const row = await deps.db.prisma.conversion.findFirstOrThrow({ where: { clickId: c.clickId } });
      expect(row.transactionId, alias).toBe(`T-${alias}`);
    }
  });

  it("picks the UUID among several sub ids, and takes POST bodies (form and JSON)", async () => {
    const c = await createClick(deps, f);
    expect((await get(`/postback?sub1=zone42&sub2=${c.clickId}&amount=3`)).body.outcome).toBe("recorded");
    const c2 = await createClick(deps, f);
    const form = await t.rest("POST", "/postback", {
      body: `clickid=${c2.clickId}&payout=4&txid=F1`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(form.body.outcome).toBe("recorded");
    const json = await t.rest("POST", "/postback", { body: { clickid: c2.clickId, payout: 5, txid: "J1", conversion_type: "upsell" } });
    expect(json.body.outcome).toBe("recorded");
    const rows = await deps.db.prisma.conversion.findMany({ where: { clickId: c2.clickId }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.type, r.revenue.toString(), r.transactionId])).toEqual([
      ["sale", "4", "F1"],
      ["upsell", "5", "J1"],
    ]);
  });

  it("stores text PostgreSQL cannot take (NUL, lone surrogates) cleaned, in the conversion and its log row alike", async () => {
    const c = await createClick(deps, f);
    const nul = String.fromCharCode(0);
    const r = await t.rest("POST", "/postback", { body: { clickid: c.clickId, txid: `T${nul}X`, note: "a\ud800b", emoji: "ok \u{1F600}" } });
    expect(r.body.outcome).toBe("recorded");
    const row = await deps.db.prisma.conversion.findFirstOrThrow({ where: { clickId: c.clickId } });
    expect(row.transactionId).toBe("TX");
    expect(row.rawParams).toMatchObject({ note: "a\uFFFDb", emoji: "ok \u{1F600}", txid: "TX" });
    const log = await deps.db.prisma.postbackLog.findFirstOrThrow({ where: { conversionId: row.id } });
    expect(log.params).toEqual(row.rawParams);
  });

  it("conversion_type and currency", async () => {
    await deps.db.prisma.currencyRate.upsert({ where: { currency: "GBP" }, create: { currency: "GBP", rate: "1.25" }, update: { rate: "1.25" } });
    await setInstallPostbackPolicy(deps, {}); // invalidates the settings cache
    const c = await createClick(deps, f);
    const r = await get(`/postback?click_id=${c.clickId}&payout=10&currency=GBP&conversion_type=lead`);
    expect(r.status).toBe(200);
    const row = await deps.db.prisma.conversion.findFirstOrThrow({ where: { clickId: c.clickId } });
    expect([row.type, row.revenue.toString(), row.currency, row.revenueAccount.toString()]).toEqual(["lead", "10", "GBP", "12.5"]);
    const bad = await get(`/postback?click_id=${c.clickId}&conversion_type=whatever`);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toContain("sale, lead, upsell, rebill");
  });

  it("every status value of both documents", async () => {
    const expected: Record<string, [string, string, string | null]> = {
      pending: ["PENDING", "pending", "0.01"],
      hold: ["PENDING", "on_hold", "0.01"],
      preapproved: ["PENDING", "", "0.01"],
      cart: ["PENDING", "cart", "0.01"],
      checkout: ["PENDING", "checkout", "0.01"],
      "on hold": ["PENDING", "on_hold", "0.01"],
      sale: ["APPROVED", "sale", "40"],
      approved: ["APPROVED", "", "40"],
      whatever: ["APPROVED", "", "40"],
    };
    for (const [status, [st, ecom, rev]] of Object.entries(expected)) {
      const c = await createClick(deps, f);
      const r = await get(`/postback?click_id=${c.clickId}&status=${encodeURIComponent(status)}`);
      expect(r.body.outcome, status).toBe("recorded");
      const row = await deps.db.prisma.conversion.findFirstOrThrow({ where: { clickId: c.clickId } });
      expect([row.status, row.ecomStatus, row.revenue.toString()], status).toEqual([st, ecom, rev]);
    }
    for (const status of ["rejected", "reject", "trash", "cancelled", "refunded", "chargeback"]) {
      const c = await createClick(deps, f);
      // none yet: creates none
      expect((await get(`/postback?click_id=${c.clickId}&status=${status}`)).body.outcome, status).toBe("removed");
      expect(await count(c.clickId)).toBe(0);
      // an existing one is removed (rejected; kept with its history)
      expect((await get(`/postback?click_id=${c.clickId}`)).body.outcome).toBe("recorded");
      expect((await get(`/postback?click_id=${c.clickId}&status=${status}`)).body.outcome, status).toBe("removed");
      const row = await deps.db.prisma.conversion.findFirstOrThrow({ where: { clickId: c.clickId } });
      expect(row.status).toBe("REJECTED");
    }
  });
});

describe("/pb by hit and visitor", () => {
  it("hit, vid+p and vid alone", async () => {
    const c = await createClick(deps, f);
    const r1 = await get(`/pb/?hit=${c.offerHitId}&tx=A&rev=3`);
    expect(r1.body.outcome).toBe("recorded");
    const r2 = await get(`/pb/?vid=${c.visitorId}&p=${f.offer2Id}&tx=B&rev=4`);
    expect(r2.body.outcome).toBe("recorded");
    const r3 = await get(`/pb?vid=${c.visitorId}&tx=C`);
    const rows = await deps.db.prisma.conversion.findMany({ where: { clickId: c.clickId }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.hitId, r.transactionId, r.revenue.toString()])).toEqual([
      [c.offerHitId, "A", "3"],
      [c.offer2HitId, "B", "4"],
      [c.offer2HitId, "C", "7.5"],
    ]);
    expect(r3.status).toBe(200);
    // status change by hit
    expect((await get(`/pb/?hit=${c.offerHitId}&tx=A&status=rejected`)).body.outcome).toBe("removed");
  });
});

describe("bad input", () => {
  it("answers 4xx naming the parameter and logs it", async () => {
    const none = await get("/postback?payout=1");
    expect(none.status).toBe(400);
    expect(none.body.error).toMatch(/click id missing; accepted names: subid, sub_id, click_id/);
    const c = await createClick(deps, f);
    for (const bad of ["abc", "-5", "NaN", "Infinity", "1e309", "12.3.4"]) {
      const r = await get(`/postback?click_id=${c.clickId}&payout=${encodeURIComponent(bad)}`);
      expect(r.status, bad).toBe(400);
      expect(r.body.error).toMatch(/payout/);
    }
    expect(await count(c.clickId)).toBe(0);
    const log = await deps.db.prisma.postbackLog.findMany({ where: { outcome: "INVALID_PAYOUT" } });
    expect(log.length).toBeGreaterThanOrEqual(6);
    const unknown = await get("/postback?click_id=0190a5f0-0000-7000-8000-000000000000");
    expect(unknown.status).toBe(404);
    expect((await t.rest("DELETE", "/postback")).status).toBe(405);
  });

  it("fuzz: never a 5xx, never a non-finite or negative payout, never a write on rejected input", async () => {
    const c = await createClick(deps, f);
    const names = [...ALIASES.payout, ...ALIASES.status, ...ALIASES.tx, "conversion_type", "currency", "junk", "disable_postbacks"];
    const before = await deps.db.prisma.outboundDelivery.count();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom(...names), fc.oneof(fc.string(), fc.double().map(String), fc.constantFrom("-1", "1e5", "0x10", "١٢", "%00"))), {
          maxLength: 6,
        }),
        fc.boolean(),
        async (pairs, withClick) => {
          const qs = new URLSearchParams(pairs);
          if (withClick) qs.set("click_id", c.clickId);
          const convBefore = await count(c.clickId);
          const r = await get(`/postback?${qs.toString()}`);
          expect(r.status).toBeLessThan(500);
          if (r.status >= 400) expect(await count(c.clickId)).toBe(convBefore);
          const rows = await deps.db.prisma.conversion.findMany({ where: { clickId: c.clickId }, select: { revenue: true, revenueAccount: true } });
          for (const row of rows) {
            expect(Number.isFinite(Number(row.revenue))).toBe(true);
            expect(Number(row.revenue)).toBeGreaterThanOrEqual(0);
            expect(Number(row.revenueAccount)).toBeGreaterThanOrEqual(0);
          }
        },
      ),
      { numRuns: 150 },
    );
    expect(await deps.db.prisma.outboundDelivery.count()).toBeGreaterThanOrEqual(before);
  });
});

describe("keys and allow-lists", () => {
  it("install key in path or param, rotation with two keys, IP allow-list; refusals look like unknown clicks", async () => {
    const k1 = await createPostbackKey(deps, { name: "k1" });
    await setInstallPostbackPolicy(deps, { keyRequired: true });
    const c = await createClick(deps, f);
    const unknown = await get("/postback?click_id=0190a5f0-0000-7000-8000-000000000000");
    const noKey = await get(`/postback?click_id=${c.clickId}`);
    const badKey = await get(`/postback?click_id=${c.clickId}&key=tly_pb_wrong`);
    expect([noKey.status, badKey.status]).toEqual([404, 404]);
    expect(noKey.body).toEqual(unknown.body);
    expect(badKey.body).toEqual(unknown.body);
    expect(await count(c.clickId)).toBe(0);
    expect((await get(`/postback/${k1.key}?click_id=${c.clickId}`)).body.outcome).toBe("recorded");
    const k2 = await createPostbackKey(deps, { name: "k2" });
    await expect(createPostbackKey(deps, { name: "k3" })).rejects.toThrow(/revoke/);
    await revokePostbackKey(deps, k1.id);
    const c2 = await createClick(deps, f);
    expect((await get(`/postback?click_id=${c2.clickId}&key=${k1.key}`)).status).toBe(404);
    expect((await get(`/pb?key=${k2.key}&hit=${c2.offerHitId}`)).body.outcome).toBe("recorded");
    const log = await deps.db.prisma.postbackLog.findMany({ where: { outcome: "REJECTED_KEY" } });
    expect(log.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(log)).not.toContain(k1.key);

    await setInstallPostbackPolicy(deps, { keyRequired: false, allowedIps: ["10.0.0.0/8", "2001:db8::/32"] });
    const c3 = await createClick(deps, f);
    expect((await get(`/postback?click_id=${c3.clickId}`, { "x-forwarded-for": "203.0.113.9" })).status).toBe(404);
    expect((await get(`/postback?click_id=${c3.clickId}`, { "x-forwarded-for": "10.1.2.3" })).body.outcome).toBe("recorded");
    expect(await deps.db.prisma.postbackLog.count({ where: { outcome: "REJECTED_IP" } })).toBe(1);
    await expect(setInstallPostbackPolicy(deps, { allowedIps: ["not-an-ip"] })).rejects.toThrow(/not-an-ip/);
    await setInstallPostbackPolicy(deps, { allowedIps: [] });
  });

  it("per-network key and allow-list", async () => {
    const nk = await createPostbackKey(deps, { networkId: f.networkId });
    await setNetworkPostbackPolicy(deps, f.networkId, { requireKey: true, allowedIps: ["198.51.100.0/24"] });
    const c = await createClick(deps, f);
    expect((await get(`/postback?click_id=${c.clickId}&key=${nk.key}`, { "x-forwarded-for": "203.0.113.9" })).status).toBe(404);
    expect((await get(`/postback?click_id=${c.clickId}`, { "x-forwarded-for": "198.51.100.7" })).status).toBe(404);
    expect(await count(c.clickId)).toBe(0);
    expect((await get(`/postback?click_id=${c.clickId}&key=${nk.key}`, { "x-forwarded-for": "198.51.100.7" })).body.outcome).toBe("recorded");
    const refused = await deps.db.prisma.postbackLog.findMany({ where: { networkId: f.networkId, outcome: { in: ["REJECTED_IP", "REJECTED_KEY"] } } });
    expect(refused.map((r) => r.outcome).sort()).toEqual(["REJECTED_IP", "REJECTED_KEY"]);
    await setNetworkPostbackPolicy(deps, f.networkId, { requireKey: false, allowedIps: [] });
  });
});

describe("outbound S2S postbacks", () => {
  it("retries a failing receiver with backoff, then delivers once with macros; disable_postbacks sends none", async () => {
    failFirst = 2;
    received.length = 0;
    const c = await createClick(deps, f, { sourceClickId: "SRC-777" });
    const r = await get(`/postback?click_id=${c.clickId}&payout=9.5&txid=TX1`);
    expect(r.body.outcome).toBe("recorded");
    const id = r.body.conversion_id as string;
    await waitFor(async () => (await deps.db.prisma.outboundDelivery.findFirst({ where: { conversionId: id } }))?.status === "DELIVERED");
    const d = await deps.db.prisma.outboundDelivery.findFirstOrThrow({ where: { conversionId: id }, include: { attemptLog: true } });
    expect(d.attempts).toBe(3);
    expect(d.attemptLog.map((a) => a.statusCode).sort()).toEqual([200, 500, 500]);
    const hits = received.filter((u) => u.includes("SRC-777"));
    expect(hits).toHaveLength(3);
    expect(hits[2]).toBe("/pb?cid=SRC-777&payout=9.5000&status=approved&tx=TX1");
    // never again after the 2xx
    await new Promise((res) => setTimeout(res, 400));
    expect(received.filter((u) => u.includes("SRC-777"))).toHaveLength(3);

    const c2 = await createClick(deps, f, { sourceClickId: "SRC-888" });
    expect((await get(`/postback?click_id=${c2.clickId}&disable_postbacks=true`)).body.outcome).toBe("recorded");
    expect(await deps.db.prisma.outboundDelivery.count({ where: { macros: { path: ["click_id"], equals: "SRC-888" } } })).toBe(0);
  });

  it("100 concurrent identical postbacks: one conversion, one outbound postback", async () => {
    received.length = 0;
    const c = await createClick(deps, f, { sourceClickId: "SRC-100" });
    const replies = await Promise.all(Array.from({ length: 100 }, () => get(`/postback?click_id=${c.clickId}&payout=2&txid=SAME`)));
    expect(replies.every((r) => r.status === 200)).toBe(true);
    expect(replies.filter((r) => r.body.outcome === "recorded")).toHaveLength(1);
    expect(await count(c.clickId)).toBe(1);
    await waitFor(() => received.some((u) => u.includes("SRC-100")));
    await new Promise((res) => setTimeout(res, 500));
    expect(received.filter((u) => u.includes("SRC-100"))).toHaveLength(1);
  });
});
