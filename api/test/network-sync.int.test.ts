// Everflow Test Connection and Import Offers against a local stand-in for Everflow's affiliate API.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "./helpers/app.js";

const OFFERS = {
  offers: [
    {
      network_offer_id: 101,
      name: "McAfee Total Protection",
      offer_status: "active",
      tracking_url: "https://track.everflow.example/abc?oid=101",
      currency_id: "USD",
      relationship: {
        payouts: { entries: [{ payout_type: "cpa", payout_amount: 40 }] },
        ruleset: { countries: [{ country_code: "US" }, { country_code: "CA" }] },
      },
    },
    {
      network_offer_id: 102,
      name: "Shop RevShare",
      offer_status: "active",
      tracking_url: "https://track.everflow.example/def?oid=102&sub2={click_id}",
      relationship: { payouts: { entries: [{ payout_type: "cps", payout_percentage: 12.5 }] } },
    },
    { network_offer_id: 103, name: "Paused one", offer_status: "paused", tracking_url: "https://x.example" },
  ],
};

let t: TestApp;
let token: string;
let server: http.Server;
let base = "";
const seenKeys: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seenKeys.push(String(req.headers["x-eflow-api-key"] ?? ""));
    if (req.headers["x-eflow-api-key"] !== "good-key") {
      res.writeHead(401).end('{"error":"unauthorized"}');
      return;
    }
    if (req.url !== "/v1/affiliates/offersrunnable") {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(OFFERS));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  t = await startTestApp({ env: { OUTBOUND_ALLOW_PRIVATE: "true" } });
  token = await t.login();
});
afterAll(async () => {
  await t?.stop();
  await new Promise((r) => server.close(r));
});

describe("Everflow", () => {
  it("tests the connection and imports active offers with payouts and geo, idempotently", async () => {
    const bad = await t.rest("POST", "/admin/api/networks", { token, body: { name: "EF", type: "everflow", apiUrl: base, apiKey: "wrong" } });
    const badTest = await t.rest("POST", `/admin/api/networks/${bad.body.id}/test`, { token });
    expect(badTest.body).toMatchObject({ ok: false });
    expect(badTest.body.message).toMatch(/refused the key/);

    const net = await t.rest("POST", "/admin/api/networks", { token, body: { name: "EF good", type: "everflow", apiUrl: base, apiKey: "good-key" } });
    const ok = await t.rest("POST", `/admin/api/networks/${net.body.id}/test`, { token });
    expect(ok.body).toEqual({ ok: true, message: "Connection successful", offerCount: 3 });

    const imp = await t.rest("POST", `/admin/api/networks/${net.body.id}/import-offers`, { token });
    expect(imp.body).toEqual({ created: 2, updated: 0, skipped: 1 });
    const offers = await t.app.deps.db.prisma.offer.findMany({
      where: { networkId: net.body.id },
      include: { geoPayouts: true },
      orderBy: { externalId: "asc" },
    });
    expect(offers.map((o) => [o.externalId, o.payoutType, o.payout.toString(), o.url])).toEqual([
      ["101", "CPA", "40", "https://track.everflow.example/abc?oid=101&sub2={click_id}"],
      ["102", "REVSHARE", "12.5", "https://track.everflow.example/def?oid=102&sub2={click_id}"],
    ]);
    expect(offers[0]?.geoPayouts.map((g) => g.country).sort()).toEqual(["CA", "US"]);
    const again = await t.rest("POST", `/admin/api/networks/${net.body.id}/import-offers`, { token });
    expect(again.body).toEqual({ created: 0, updated: 2, skipped: 1 });
    expect(seenKeys).toContain("good-key");

    const custom = await t.rest("POST", "/admin/api/networks", { token, body: { name: "Other", type: "cake" } });
    const refused = await t.rest("POST", `/admin/api/networks/${custom.body.id}/import-offers`, { token });
    expect(refused.status).toBe(400);
    expect(refused.body.fields[0].path).toBe("type");
  });
});
