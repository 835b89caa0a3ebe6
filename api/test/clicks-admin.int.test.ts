// GraphQL for the click engine: manual cost edits (audited) and GeoIP status, lookup and download.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./gql/index.js";
import { startTestApp, type TestApp } from "./helpers/app.js";
import { click, reloadConfig, seedCampaign, seedOffer } from "./helpers/click-seed.js";

const UpdateCost = graphql(`
  mutation UpdateClickCost($input: UpdateClickCostInput!) {
    updateClickCost(input: $input) {
      __typename
      ... on MutationUpdateClickCostSuccess { data { clickId cost } }
      ... on ValidationError { message fields { path message } }
      ... on Error { message }
    }
  }
`);
const BulkCost = graphql(`
  mutation BulkUpdateClickCost($input: BulkUpdateClickCostInput!) {
    bulkUpdateClickCost(input: $input) {
      __typename
      ... on MutationBulkUpdateClickCostSuccess { data { updated cpc } }
      ... on Error { message }
    }
  }
`);
const GeoStatus = graphql(`
  query GeoIpStatus {
    geoipStatus { city { ok path databaseType error builtAt } asn { ok } hasLicenseKey updatedAt }
  }
`);
const GeoLookup = graphql(`
  query GeoIpLookup($ip: String!) { geoipLookup(ip: $ip) { country countryName city region isp asn } }
`);
const Download = graphql(`
  mutation DownloadGeoip($key: String) {
    downloadGeoipDatabases(licenseKey: $key) {
      __typename
      ... on MutationDownloadGeoipDatabasesSuccess { data { city { ok path } asn { ok path } hasLicenseKey updatedAt } }
      ... on ValidationError { message fields { path message } }
    }
  }
`);

let t: TestApp;
let token: string;
let server: http.Server;
const requests: string[] = [];
beforeAll(async () => {
  // A local stand-in for MaxMind's download endpoint, serving tar.gz archives like the real one.
  const dir = mkdtempSync(path.join(os.tmpdir(), "geoip-dl-"));
  const archives: Record<string, Buffer> = {};
  for (const [edition, file] of [
    ["GeoLite2-City", "GeoLite2-City-Test.mmdb"],
    ["GeoLite2-ASN", "GeoLite2-ASN-Test.mmdb"],
  ] as const) {
    const folder = `${edition}_20261121`;
    execFileSync("mkdir", ["-p", path.join(dir, folder)]);
    copyFileSync(path.join("/work/shared/geoip", file), path.join(dir, folder, `${edition}.mmdb`));
    execFileSync("tar", ["czf", path.join(dir, `${edition}.tar.gz`), "-C", dir, folder]);
    archives[edition] = readFileSync(path.join(dir, `${edition}.tar.gz`));
  }
  server = http.createServer((req, res) => {
    requests.push(req.url ?? "");
    const u = new URL(req.url ?? "/", "http://x");
    const body = archives[u.pathname.slice(1)];
    if (u.searchParams.get("key") !== "GOODKEY123" || !body) {
      res.writeHead(401).end("Invalid license key");
      return;
    }
    res.writeHead(200, { "content-type": "application/gzip" }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const port = (server.address() as AddressInfo).port;
  t = await startTestApp({
    env: { OUTBOUND_ALLOW_PRIVATE: "true", GEOIP_DOWNLOAD_URL: `http://127.0.0.1:${port}/{edition}?key={license_key}`, TRUSTED_PROXIES: "127.0.0.1" },
  });
  token = await t.login();
});
afterAll(async () => {
  await t?.stop();
  server?.close();
});

describe("manual cost update", () => {
  it("edits one click's cost and bulk-sets CPC for a campaign and range, both audited", async () => {
    const offer = await seedOffer(t, { url: "https://offer.example.com/" });
    const { id: campaignId } = await seedCampaign(t, { slug: "cost", costValue: "0.01", flows: [{ offers: [{ id: offer }] }] });
    await reloadConfig(t);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(new URL((await click(t, "/c/cost")).location).searchParams.get("sub2") as string);
    const one = await t.gql(UpdateCost, { input: { clickId: ids[0] as string, cost: "0.25" } }, token);
    expect(one.data?.updateClickCost).toEqual({ __typename: "MutationUpdateClickCostSuccess", data: { clickId: ids[0], cost: "0.25" } });
    const bad = await t.gql(UpdateCost, { input: { clickId: ids[0] as string, cost: "1.1234567" } }, token);
    expect(bad.data?.updateClickCost.__typename).toBe("ValidationError");
    const missing = await t.gql(UpdateCost, { input: { clickId: "01938a2e-0000-7000-8000-000000000000", cost: "1" } }, token);
    expect(missing.data?.updateClickCost.__typename).toBe("NotFoundError");
    const from = new Date(Date.now() - 3_600_000);
    const bulk = await t.gql(BulkCost, { input: { campaignId, from: from.toISOString(), to: new Date(Date.now() + 1_000).toISOString(), cpc: "0.04" } }, token);
    expect(bulk.data?.bulkUpdateClickCost).toEqual({ __typename: "MutationBulkUpdateClickCostSuccess", data: { updated: 3, cpc: "0.04" } });
    const rows = await t.app.deps.db.prisma.click.findMany({ where: { campaignId } });
    expect(rows.map((r) => r.cost.toString())).toEqual(["0.04", "0.04", "0.04"]);
    const audit = await t.app.deps.db.prisma.auditLog.findMany({ where: { action: { startsWith: "click.cost" } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => [a.action, a.actorName])).toEqual([
      ["click.cost_update", "admin@test.local"],
      ["click.cost_bulk_update", "admin@test.local"],
    ]);
    expect(audit[0]?.before).toEqual({ cost: "0.01" });
    // Unauthenticated callers are refused.
    expect((await t.gql(UpdateCost, { input: { clickId: ids[1] as string, cost: "1" } }, null)).errors?.length).toBeGreaterThan(0);
  });
});

describe("GeoIP", () => {
  it("reports status, looks up an IP, and downloads databases with a license key", async () => {
    const before = await t.gql(GeoStatus, {}, token);
    expect(before.data?.geoipStatus.city).toMatchObject({ ok: false, error: "not configured" });
    const refused = await t.gql(Download, { key: "BADKEY1234" }, token);
    expect(refused.data?.downloadGeoipDatabases).toMatchObject({ __typename: "ValidationError" });
    expect(JSON.stringify(refused.data)).toContain("the license key was refused");
    const ok = await t.gql(Download, { key: "GOODKEY123" }, token);
    if (ok.data?.downloadGeoipDatabases.__typename !== "MutationDownloadGeoipDatabasesSuccess") throw new Error(JSON.stringify(ok));
    expect(ok.data.downloadGeoipDatabases.data).toMatchObject({ city: { ok: true }, asn: { ok: true }, hasLicenseKey: true });
    expect(requests.some((r) => r.startsWith("/GeoLite2-ASN?key=GOODKEY123"))).toBe(true);
    const status = await t.gql(GeoStatus, {}, token);
    expect(status.data?.geoipStatus.city).toMatchObject({ ok: true, databaseType: "GeoLite2-City", error: null });
    // builtAt is the database's build time (metadata build_epoch is in seconds), not a date tens of millennia away.
    const builtAt = Date.parse(status.data?.geoipStatus.city.builtAt ?? "");
    expect(builtAt).toBeGreaterThan(Date.parse("2010-01-01T00:00:00Z"));
    expect(builtAt).toBeLessThanOrEqual(Date.now());
    expect((await t.gql(GeoLookup, { ip: "81.2.69.142" }, token)).data?.geoipLookup).toMatchObject({ country: "GB", city: "London", region: "England" });
    expect((await t.gql(GeoLookup, { ip: "1.128.0.1" }, token)).data?.geoipLookup).toMatchObject({ isp: "Telstra Pty Ltd", asn: 1221 });
    // The click engine switched to the downloaded databases (config:changed from the settings write).
    const offer = await seedOffer(t, { url: "https://offer.example.com/?c={country}" });
    await seedCampaign(t, { slug: "geo", flows: [{ offers: [{ id: offer }] }] });
    await reloadConfig(t);
    expect(new URL((await click(t, "/c/geo", { "x-forwarded-for": "81.2.69.142" })).location).searchParams.get("c")).toBe("GB");
  });
});
