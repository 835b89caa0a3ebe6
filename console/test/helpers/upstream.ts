// A local stand-in for the outside world the console reaches through the api: MaxMind's GeoLite2 download
// endpoint (tar.gz archives like the real one; key GOODKEY123 is accepted), Everflow's affiliate API under /everflow
// (key EVERFLOW_KEY: offers, the offer entity report, time zones), Kadam's stats API under /kadam (Bearer
// KADAM_KEY) and a publisher's page to import as a lander.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";

export const GEOIP_KEY = "GOODKEY123";
export const EVERFLOW_KEY = "ef-key-1";
const EVERFLOW_OFFERS = {
  offers: [
    {
      network_offer_id: 501,
      name: "EF Antivirus",
      tracking_url: "https://ef.example.com/track?oid=501",
      currency_id: "USD",
      offer_status: "active",
      relationship: { payouts: { entries: [{ payout_type: "cpa", payout_amount: 4.5 }] }, ruleset: { countries: [{ country_code: "US" }] } },
    },
    { network_offer_id: 502, name: "EF VPN", tracking_url: "https://ef.example.com/track?oid=502", offer_status: "active" },
  ],
};
/** Everflow's offer report for any range: offer 501 with 12 clicks, 3 conversions and $45 paid. */
export const EVERFLOW_REPORT = {
  table: [
    {
      columns: [{ column_type: "offer", id: 501, label: "EF Antivirus" }],
      reporting: { imp: 0, total_click: 12, unique_click: 10, cv: 3, event: 0, cvr: 25, revenue: 45 },
    },
  ],
};
const EVERFLOW_ZONES = { timezones: [{ timezone_id: 67, timezone: "UTC", utc_offset: "+00:00" }] };
export const KADAM_KEY = "kadam-token-1";
/** Kadam's stats for any campaign id and range: one day row. */
export const KADAM_DAY = { date: "2026-10-05", shows: 2000, clicks: 50, money: "7.50" };
export const LANDER_HTML = "<!doctype html><html><body><h1 id=imported>Imported lander</h1><a href='/click'>Go</a></body></html>";

export async function startUpstream(): Promise<{ url: string; close: () => Promise<void> }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "console-upstream-"));
  const archives: Record<string, Buffer> = {};
  for (const edition of ["GeoLite2-City", "GeoLite2-ASN"]) {
    const folder = `${edition}_20261121`;
    mkdirSync(path.join(dir, folder), { recursive: true });
    copyFileSync(path.join("/work/shared/geoip", `${edition}-Test.mmdb`), path.join(dir, folder, `${edition}.mmdb`));
    execFileSync("tar", ["czf", path.join(dir, `${edition}.tar.gz`), "-C", dir, folder]);
    archives[edition] = readFileSync(path.join(dir, `${edition}.tar.gz`));
  }
  const server = http.createServer((req, res) => {
    const u = new URL(req.url ?? "/", "http://upstream");
    if (u.pathname === "/everflow/v1/affiliates/offersrunnable") {
      if (req.headers["x-eflow-api-key"] !== EVERFLOW_KEY) res.writeHead(401).end('{"error":"unauthorized"}');
      else res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(EVERFLOW_OFFERS));
      return;
    }
    if (u.pathname === "/everflow/v1/affiliates/reporting/entity/table" || u.pathname === "/everflow/v1/meta/timezones") {
      req.resume();
      if (req.headers["x-eflow-api-key"] !== EVERFLOW_KEY) res.writeHead(401).end('{"error":"unauthorized"}');
      else res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(u.pathname.endsWith("timezones") ? EVERFLOW_ZONES : EVERFLOW_REPORT));
      return;
    }
    if (u.pathname === "/kadam/ads.analytic.campaign.get") {
      if (req.headers.authorization !== `Bearer ${KADAM_KEY}`) res.writeHead(401).end('{"error":{"message":"invalid token"}}');
      else res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ data: [KADAM_DAY] }));
      return;
    }
    if (u.pathname === "/lander") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(LANDER_HTML);
      return;
    }
    const body = archives[u.pathname.slice(1)];
    if (u.searchParams.get("key") !== GEOIP_KEY || !body) {
      res.writeHead(401).end("Invalid license key");
      return;
    }
    res.writeHead(200, { "content-type": "application/gzip" }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}
