// End to end through the real click engine: /c/:slug -> lander -> /offer/... -> postbacks by click id, hit and
// visitor -> S2S postback to the source; offer caps make the engine skip a capped offer.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../src/lib/ids.js";
import { startTestApp, type TestApp } from "./helpers/app.js";
import { click, reloadConfig, seedCampaign, seedLanding, seedOffer } from "./helpers/click-seed.js";

let t: TestApp;
let receiver: http.Server;
let receiverUrl: string;
const received: string[] = [];

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    received.push(req.url ?? "");
    res.end("ok");
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  t = await startTestApp({ env: { OUTBOUND_ALLOW_PRIVATE: "true", OUTBOX_BACKOFF_MS: "100" } });
});
afterAll(async () => {
  await t?.stop();
  receiver?.close();
});

const until = async (fn: () => boolean | Promise<boolean>, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe("click -> offer -> postback", () => {
  it("converts through real /c and /offer by click id, hit and vid, and posts back to the source", async () => {
    const sourceId = newId();
    await t.app.deps.db.prisma.trafficSource.create({
      data: { id: sourceId, name: "src", clickIdParam: "click_id", postbackUrl: `${receiverUrl}/s2s?cid={click_id}&payout={payout}&tx={txid}` },
    });
    const offer = await seedOffer(t, { url: "https://offer.example.com/go?h={hit}" });
    const lander = await seedLanding(t, { html: '<html><head></head><body><a href="{{offer_url_1}}">go</a></body></html>' });
    await seedCampaign(t, { slug: "e2e-conv", sourceId, flows: [{ landings: [{ id: lander }], offers: [{ id: offer }] }] });
    await reloadConfig(t);

    const c = await click(t, "/c/e2e-conv?click_id=SRC-E2E-1");
    expect(c.status).toBe(200);
    const clickId = (c.cookies.find((x) => x.startsWith("_tly_click=")) as string).split(";")[0]?.split("=")[1] as string;
    const vid = (c.cookies.find((x) => x.startsWith("_tly_vid=")) as string).split(";")[0]?.split("=")[1] as string;
    const o = await click(t, `/offer/${clickId}/${offer}`);
    expect(o.status).toBe(302);
    const hit = new URL(o.location).searchParams.get("h") as string;
    expect(hit).toMatch(/^[0-9a-f-]{36}$/);

    const p1 = await t.rest("GET", `/postback?subid=${clickId}&amount=12&txid=T1`);
    expect(p1.body.outcome).toBe("recorded");
    const p2 = await t.rest("GET", `/pb/?hit=${hit}&tx=T2&rev=3`);
    expect(p2.body.outcome).toBe("recorded");
    const p3 = await t.rest("GET", `/pb/?vid=${vid}&p=${offer}&tx=T2&rev=3`);
    expect(p3.body).toMatchObject({ outcome: "duplicate", conversion_id: p2.body.conversion_id });
    const rows = await t.app.deps.db.prisma.conversion.findMany({ where: { clickId }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.hitId, r.offerId, r.sourceId, r.revenue.toString()])).toEqual([
      [null, offer, sourceId, "12"],
      [hit, offer, sourceId, "3"],
    ]);
    await until(() => received.filter((u) => u.includes("SRC-E2E-1")).length === 2);
    expect(received).toContain("/s2s?cid=SRC-E2E-1&payout=12.0000&tx=T1");
  });

  /**
   * A campaign whose flow sends (nearly) all traffic to an offer with a total cap of 1, with a backup offer behind it;
   * `next()` clicks once and says where the click went, `clickId` is a click that went to the capped offer.
   */
  async function cappedCampaign(slug: string, cappedWeight: number) {
    const capped = await seedOffer(t, { url: `https://capped.example.com/${slug}`, totalCap: 1 });
    const backup = await seedOffer(t, { url: `https://backup.example.com/${slug}` });
    await seedCampaign(t, {
      slug,
      flows: [
        {
          offers: [
            { id: capped, weight: cappedWeight },
            { id: backup, weight: 1 },
          ],
        },
      ],
    });
    await reloadConfig(t);
    const next = async () => {
      const { location } = await click(t, `/c/${slug}`);
      const where = location.startsWith(`https://capped.example.com/${slug}`)
        ? "capped"
        : location.startsWith(`https://backup.example.com/${slug}`)
          ? "backup"
          : location;
      return { where, location };
    };
    let first = await next();
    for (let i = 0; i < 20 && first.where !== "capped"; i++) first = await next();
    expect(first.where).toBe("capped");
    return { clickId: new URL(first.location).searchParams.get("sub2") as string, next: async () => (await next()).where };
  }

  it("an offer that reached its cap is skipped by the click engine", async () => {
    const { clickId, next } = await cappedCampaign("e2e-cap", 100);
    expect((await t.rest("GET", `/postback?click_id=${clickId}`)).body.outcome).toBe("recorded");
    await until(async () => (await next()) === "backup");
    for (let i = 0; i < 5; i++) expect(await next()).toBe("backup");
  });

  it("caps count approved conversions: a pending one does not cap the offer, its approval does, its refund frees it again", async () => {
    const { clickId, next } = await cappedCampaign("e2e-cap-pending", 1000);
    expect((await t.rest("GET", `/postback?click_id=${clickId}&txid=P1&status=pending`)).body.outcome).toBe("recorded");
    // Neither the event nor a reload of the counts counts it.
    await t.app.tracking.engine.caps.load(t.app.deps);
    let hits = 0;
    for (let i = 0; i < 10; i++) if ((await next()) === "capped") hits++;
    expect(hits).toBeGreaterThanOrEqual(8);
    expect((await t.rest("GET", `/postback?click_id=${clickId}&txid=P1&status=approved`)).body.outcome).toBe("status_change");
    // Promptly (the status change makes the engine recount), not at the next periodic load (every 10 s).
    await until(async () => (await next()) === "backup", 2_000);
    for (let i = 0; i < 5; i++) expect(await next()).toBe("backup");
    expect((await t.rest("GET", `/postback?click_id=${clickId}&txid=P1&status=refunded`)).body.outcome).toBe("removed");
    await until(async () => (await next()) === "capped", 2_000);
  });
});
