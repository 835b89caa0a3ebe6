// Direct row inserts for report tests: clicks, conversions, hits, events, funnel steps and settings, written
// straight into the test database so reports can be checked against figures computed independently.
import pg from "pg";
import { newId } from "../../src/lib/ids.js";

export interface ClickRow {
  id?: string;
  campaignId: string;
  createdAt: Date | string;
  visitorId?: string;
  flowId?: string | null;
  landingId?: string | null;
  offerId?: string | null;
  sourceId?: string | null;
  country?: string;
  os?: string;
  browser?: string;
  deviceType?: string;
  language?: string;
  isp?: string;
  referrerDomain?: string;
  sub1?: string;
  sub2?: string;
  sub3?: string;
  sub4?: string;
  sub5?: string;
  extCampaignId?: string;
  extAdSetId?: string;
  extAdId?: string;
  extPlacement?: string;
  cost?: string;
  isUnique?: boolean;
}

export interface ConversionRow {
  id?: string;
  clickId: string;
  campaignId: string;
  clickCreatedAt: Date | string;
  createdAt: Date | string;
  visitorId?: string | null;
  offerId?: string | null;
  landingId?: string | null;
  flowId?: string | null;
  sourceId?: string | null;
  type?: string;
  status?: "APPROVED" | "PENDING" | "REJECTED";
  ecomStatus?: string;
  revenue?: string;
  revenueAccount?: string;
  currency?: string;
  cost?: string;
  transactionId?: string;
}

export class Fixtures {
  private constructor(readonly client: pg.Client) {}

  static async connect(url: string): Promise<Fixtures> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return new Fixtures(client);
  }

  close(): Promise<void> {
    return this.client.end();
  }

  async settings(s: { currency?: string; timezone?: string; registration?: "VISIT" | "POSTBACK" }): Promise<void> {
    await this.client.query(
      `INSERT INTO settings (id, account_currency, timezone, conversion_registration, updated_at) VALUES (1, $1, $2, $3::"RegistrationTime", now())
       ON CONFLICT (id) DO UPDATE SET account_currency = $1, timezone = $2, conversion_registration = $3::"RegistrationTime"`,
      [s.currency ?? "USD", s.timezone ?? "UTC", s.registration ?? "POSTBACK"],
    );
  }

  async source(name: string): Promise<string> {
    const id = newId();
    await this.client.query("INSERT INTO traffic_sources (id, name, updated_at) VALUES ($1, $2, now())", [id, name]);
    return id;
  }

  async campaign(name: string, sourceId: string | null = null): Promise<string> {
    const id = newId();
    await this.client.query("INSERT INTO campaigns (id, name, slug, source_id, updated_at) VALUES ($1, $2, $3, $4, now())", [
      id,
      name,
      `${name.toLowerCase().replace(/\W+/g, "-")}-${id.slice(-6)}`,
      sourceId,
    ]);
    return id;
  }

  async flow(campaignId: string, name = "flow"): Promise<string> {
    const id = newId();
    await this.client.query("INSERT INTO flows (id, campaign_id, name, updated_at) VALUES ($1, $2, $3, now())", [id, campaignId, name]);
    return id;
  }

  async landing(name: string, steps: string[] = []): Promise<string> {
    const id = newId();
    await this.client.query("INSERT INTO landing_pages (id, name, steps, updated_at) VALUES ($1, $2, $3, now())", [id, name, steps]);
    return id;
  }

  async offer(name: string): Promise<string> {
    const id = newId();
    await this.client.query("INSERT INTO offers (id, name, url, updated_at) VALUES ($1, $2, 'https://offer.example/', now())", [id, name]);
    return id;
  }

  async flowVariants(flowId: string, landingIds: string[], offerIds: string[]): Promise<void> {
    for (const l of landingIds) await this.client.query("INSERT INTO flow_landings (id, flow_id, landing_id) VALUES ($1, $2, $3)", [newId(), flowId, l]);
    for (const o of offerIds) await this.client.query("INSERT INTO flow_offers (id, flow_id, offer_id) VALUES ($1, $2, $3)", [newId(), flowId, o]);
  }

  async click(c: ClickRow): Promise<string> {
    const id = c.id ?? newId();
    await this.client.query(
      `INSERT INTO clicks (id, campaign_id, flow_id, landing_id, offer_id, source_id, visitor_id, created_at, country, os, browser, device_type,
         language, isp, referrer_domain, sub1, sub2, sub3, sub4, sub5, ext_campaign_id, ext_ad_set_id, ext_ad_id, ext_placement, cost, is_unique)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25,$26)`,
      [
        id,
        c.campaignId,
        c.flowId ?? null,
        c.landingId ?? null,
        c.offerId ?? null,
        c.sourceId ?? null,
        c.visitorId ?? newId(),
        new Date(c.createdAt),
        c.country ?? "",
        c.os ?? "",
        c.browser ?? "",
        c.deviceType ?? "",
        c.language ?? "",
        c.isp ?? "",
        c.referrerDomain ?? "",
        c.sub1 ?? "",
        c.sub2 ?? "",
        c.sub3 ?? "",
        c.sub4 ?? "",
        c.sub5 ?? "",
        c.extCampaignId ?? "",
        c.extAdSetId ?? "",
        c.extAdId ?? "",
        c.extPlacement ?? "",
        c.cost ?? "0",
        c.isUnique ?? true,
      ],
    );
    return id;
  }

  async conversion(v: ConversionRow): Promise<string> {
    const id = v.id ?? newId();
    const rev = v.revenue ?? "0";
    await this.client.query(
      `INSERT INTO conversions (id, dedupe_key, click_id, visitor_id, campaign_id, flow_id, landing_id, offer_id, source_id, type, status, ecom_status,
         transaction_id, revenue, currency, revenue_account, account_currency, cost, click_created_at, created_at, updated_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11::"ConversionStatus",$12,$13,$14,$15,$16,'USD',$17,$18,$19,$19)`,
      [
        id,
        `${v.clickId}:${v.type ?? "sale"}:${v.transactionId ?? id}`,
        v.clickId,
        v.visitorId ?? null,
        v.campaignId,
        v.flowId ?? null,
        v.landingId ?? null,
        v.offerId ?? null,
        v.sourceId ?? null,
        v.type ?? "sale",
        v.status ?? "APPROVED",
        v.ecomStatus ?? "",
        v.transactionId ?? "",
        rev,
        v.currency ?? "USD",
        v.revenueAccount ?? rev,
        v.cost ?? "0",
        new Date(v.clickCreatedAt),
        new Date(v.createdAt),
      ],
    );
    return id;
  }

  async setConversionStatus(id: string, status: "APPROVED" | "PENDING" | "REJECTED", ecomStatus = ""): Promise<void> {
    await this.client.query(`UPDATE conversions SET status = $2::"ConversionStatus", ecom_status = $3, updated_at = now() WHERE id = $1`, [
      id,
      status,
      ecomStatus,
    ]);
  }

  async event(e: {
    name: string;
    clickId?: string | null;
    visitorId?: string | null;
    campaignId?: string | null;
    createdAt: Date | string;
    value?: string;
  }): Promise<string> {
    const id = newId();
    await this.client.query("INSERT INTO events (id, name, click_id, visitor_id, campaign_id, value, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7)", [
      id,
      e.name,
      e.clickId ?? null,
      e.visitorId ?? null,
      e.campaignId ?? null,
      e.value ?? null,
      new Date(e.createdAt),
    ]);
    return id;
  }

  async funnelStep(s: {
    clickId: string;
    campaignId: string;
    landingId?: string | null;
    step: number;
    name?: string;
    createdAt: Date | string;
  }): Promise<void> {
    await this.client.query("INSERT INTO funnel_steps (id, click_id, campaign_id, landing_id, step, name, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7)", [
      newId(),
      s.clickId,
      s.campaignId,
      s.landingId ?? null,
      s.step,
      s.name ?? "",
      new Date(s.createdAt),
    ]);
  }
}
