// Two api nodes sharing PostgreSQL and Redis: config changes reach the other node's snapshot, and counters
// (frequency caps) are shared.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../src/lib/ids.js";
import { startTestApp, type TestApp } from "./helpers/app.js";
import { click, seedCampaign, seedOffer } from "./helpers/click-seed.js";

let a: TestApp;
let b: TestApp;
beforeAll(async () => {
  a = await startTestApp({ redis: true, env: { TRUSTED_PROXIES: "127.0.0.1" } });
  b = await startTestApp({ redis: true, shareDatabaseOf: a, env: { TRUSTED_PROXIES: "127.0.0.1" } });
});
afterAll(async () => {
  await b?.stop();
  await a?.stop();
});

describe("two api nodes with Redis", () => {
  it("a flow edited through one node routes differently on the other within a second", async () => {
    const o1 = await seedOffer(a, { url: "https://first.example.com/" });
    const o2 = await seedOffer(a, { url: "https://second.example.com/" });
    const { flowIds } = await seedCampaign(a, { slug: "mn", flows: [{ offers: [{ id: o1 }] }] });
    await a.app.deps.bus.publish("config:changed", { entity: "campaign", at: Date.now() });
    await expect.poll(async () => new URL((await click(b, "/c/mn")).location || "http://none/").host, { timeout: 2_000 }).toBe("first.example.com");
    // Edit the flow's offer on node a (as management's service does: write, then publish).
    const p = a.app.deps.db.prisma;
    await p.flowOffer.deleteMany({ where: { flowId: flowIds[0] as string } });
    await p.flowOffer.create({ data: { id: newId(), flowId: flowIds[0] as string, offerId: o2, weight: 100 } });
    const at = Date.now();
    await a.app.deps.bus.publish("config:changed", { entity: "flow", id: flowIds[0], at });
    await expect.poll(async () => new URL((await click(b, "/c/mn")).location).host, { timeout: 1_000, interval: 20 }).toBe("second.example.com");
    expect(Date.now() - at).toBeLessThan(1_000);
  });

  it("counts a frequency cap across both nodes", async () => {
    const o = await seedOffer(a, { url: "https://capped.example.com/" });
    await seedCampaign(a, { slug: "mncap", freqCapVisits: 2, fallbackUrl: "https://fallback.example.com/", flows: [{ offers: [{ id: o }] }] });
    await a.app.deps.bus.publish("config:changed", { entity: "campaign", at: Date.now() });
    await expect.poll(async () => (await click(b, "/c/mncap?warm=1", { "x-forwarded-for": "10.9.9.9" })).status, { timeout: 2_000 }).toBe(302);
    await a.app.tracking.engine.reload();
    // Fresh IP: one click on each node is allowed, the third (on either) is capped.
    const h = { "x-forwarded-for": "10.1.2.3" };
    expect((await click(a, "/c/mncap", h)).location.startsWith("https://capped.example.com/")).toBe(true);
    expect((await click(b, "/c/mncap", h)).location.startsWith("https://capped.example.com/")).toBe(true);
    expect((await click(a, "/c/mncap", h)).location).toBe("https://fallback.example.com/");
  });
});
