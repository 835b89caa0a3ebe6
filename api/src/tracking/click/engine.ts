// The click engine's state, shared by /c/:slug and /offer: the config snapshot (rebuilt on config:changed, last
// good one kept while the database is away), GeoIP, offer-cap counts, the durable writer, recent clicks and the
// drop-reason counters.
import { readFileSync } from "node:fs";
import { rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { LRUCache } from "lru-cache";
import pg from "pg";
import type { Deps } from "../../deps.js";
import { newId } from "../../lib/ids.js";
import { buildSnapshot, emptySnapshot, loadSnapshot, type RawConfig, type Snapshot } from "../snapshot.js";
import type { ClickRow } from "../store/rows.js";
import { copyBatch, parseClickLine } from "../store/copy-batch.js";
import { type BatchExecutor, ClickWriter, type WriterOptions } from "../store/writer.js";
import { VISITOR_SESSION_MS } from "../visitor-session.js";
import { GeoIp } from "./geo.js";
import { OfferCaps } from "./offer-caps.js";

/** Closed set of reasons a click did not take the routed path, counted for operators. */
export type ClickReason =
  | "unknown_campaign"
  | "head_request"
  | "bot_blocked"
  | "freq_capped"
  | "fallback"
  | "no_destination"
  | "lander_protection"
  | "not_durable";

/** How soon after a conversion's status change the offer cap counts are loaded again. */
const CAPS_RECOUNT_MS = 200;

export class ClickEngine {
  snapshot: Snapshot = emptySnapshot();
  readonly geo = new GeoIp();
  readonly caps = new OfferCaps();
  readonly writer: ClickWriter;
  /** Recent clicks for /offer, as their COPY text rows (flat strings: cheap to keep for the garbage collector). */
  readonly recent = new LRUCache<string, string>({ max: 50_000 });
  readonly reasons: Record<ClickReason, number> = {
    unknown_campaign: 0,
    head_request: 0,
    bot_blocked: 0,
    freq_capped: 0,
    fallback: 0,
    no_destination: 0,
    lander_protection: 0,
    not_durable: 0,
  };
  /** IPs blacklisted automatically since the snapshot was built. */
  readonly autoBlacklisted = new Set<string>();
  private pool: pg.Pool | null = null;
  private timers: NodeJS.Timeout[] = [];
  private reloading: Promise<void> | null = null;
  private reloadAgain = false;
  private stopped = false;
  private capsRecount: NodeJS.Timeout | null = null;
  private unsubscribe: Array<() => void> = [];

  constructor(readonly deps: Deps) {
    const { config } = deps;
    let exec: BatchExecutor;
    let write: WriterOptions["write"];
    let ping: () => Promise<boolean>;
    if (config.databaseUrl) {
      // The hot path's own small pool: raw pg, no ORM on the insert path (COPY batches; the prepared idempotent
      // statement for spool replays).
      const pool = new pg.Pool({
        connectionString: config.databaseUrl,
        max: 6,
        connectionTimeoutMillis: 1_000,
        idleTimeoutMillis: 30_000,
        options: "-c jit=off",
      });
      pool.on("error", () => {});
      this.pool = pool;
      exec = (text, values, timeoutMs) => pool.query({ name: "tly_click_batch", text, values, query_timeout: timeoutMs } as pg.QueryConfig).then(() => {});
      write = (batch, timeoutMs) => copyBatch(pool, batch, VISITOR_SESSION_MS, timeoutMs);
      ping = () =>
        pool.query({ text: "SELECT 1", query_timeout: 1_000 } as pg.QueryConfig).then(
          () => true,
          () => false,
        );
    } else {
      exec = async (text, values) => {
        await deps.db.prisma.$executeRawUnsafe(text, ...values);
      };
      ping = () => deps.db.ping(1_000);
    }
    this.writer = new ClickWriter({ exec, write, ping, spoolDir: config.spoolDir, sessionMs: VISITOR_SESSION_MS, logger: deps.logger });
    this.geo.configure(config.geoip.cityPath ?? "", config.geoip.asnPath ?? "");
    this.restore();
  }

  private get snapshotFile() {
    return path.join(this.deps.config.spoolDir, "config-snapshot.json");
  }

  /** The last good configuration from disk, so a process started while PostgreSQL is down still routes clicks. */
  private restore() {
    try {
      const raw = JSON.parse(readFileSync(this.snapshotFile, "utf8")) as RawConfig;
      this.snapshot = buildSnapshot(raw, this.deps.logger);
      const s = this.snapshot.settings;
      this.geo.configure(s.geoipCityPath || this.deps.config.geoip.cityPath || "", s.geoipAsnPath || this.deps.config.geoip.asnPath || "");
    } catch {
      /* first start, or unreadable: wait for the database */
    }
  }

  private persist(raw: RawConfig) {
    const tmp = `${this.snapshotFile}.tmp`;
    writeFile(tmp, JSON.stringify(raw))
      .then(() => rename(tmp, this.snapshotFile))
      .catch((err: Error) => this.deps.logger.warn({ err: err.message }, "could not persist the config snapshot"));
  }

  async start(): Promise<void> {
    await this.writer.start();
    await this.reload();
    this.listen();
    // Safety nets: a missed pub/sub message or a conversion on another node is picked up within these periods.
    this.timers.push(setInterval(() => void this.reload(), 60_000));
    this.timers.push(setInterval(() => void this.caps.load(this.deps).catch(() => {}), 10_000));
    for (const t of this.timers) t.unref();
  }

  private listen() {
    const configIter = this.deps.bus.subscribe("config:changed");
    const convIter = this.deps.bus.subscribe("conversion:recorded");
    this.unsubscribe.push(
      () => void configIter.return?.(),
      () => void convIter.return?.(),
    );
    void (async () => {
      for await (const _ of configIter) {
        if (this.stopped) break;
        void this.reload();
      }
    })();
    void (async () => {
      for await (const ev of convIter) {
        if (this.stopped) break;
        const offer = ev.offerId ? this.snapshot.offers.get(ev.offerId) : undefined;
        if (!offer || (offer.dailyCap === null && offer.totalCap === null)) continue;
        if (ev.change === "created") {
          if (ev.capCounted) this.caps.bump(offer.id, offer.capTimezone);
        } else if (ev.change === "status") this.recountCaps();
      }
    })();
  }

  /**
   * Loads the offer cap counts again soon: a status change can add an approved conversion (a pending one approved) or
   * take one away (refunded, rejected), in the day it was created. Changes arriving together share one load.
   */
  private recountCaps() {
    if (this.capsRecount || this.stopped) return;
    this.capsRecount = setTimeout(() => {
      this.capsRecount = null;
      void this.caps.load(this.deps).catch((err: Error) => this.deps.logger.warn({ err: err.message }, "offer cap counts could not be loaded"));
    }, CAPS_RECOUNT_MS);
    this.capsRecount.unref();
  }

  /** Rebuilds the snapshot; concurrent calls coalesce into one more rebuild. Failures keep the last good one. */
  reload(): Promise<void> {
    if (this.reloading) {
      this.reloadAgain = true;
      return this.reloading;
    }
    this.reloading = (async () => {
      do {
        this.reloadAgain = false;
        try {
          const [{ snapshot: snap, raw }] = await Promise.all([loadSnapshot(this.deps), this.caps.load(this.deps)]);
          this.snapshot = snap;
          this.persist(raw);
          this.autoBlacklisted.clear();
          const s = snap.settings;
          this.geo.configure(s.geoipCityPath || this.deps.config.geoip.cityPath || "", s.geoipAsnPath || this.deps.config.geoip.asnPath || "");
        } catch (err) {
          this.deps.logger.warn({ err: (err as Error).message }, "config snapshot reload failed; serving the last good one");
          if (!this.stopped) setTimeout(() => void this.reload(), 2_000).unref();
        }
      } while (this.reloadAgain && !this.stopped);
    })().finally(() => {
      this.reloading = null;
    });
    return this.reloading;
  }

  isBlacklisted(ip: string): boolean {
    return this.autoBlacklisted.has(ip) || this.snapshot.blacklist.has(ip);
  }

  /** Score >= 80: the IP goes on the blacklist (here at once, in the database and on other nodes shortly). */
  autoBlacklist(ip: string, score: number): void {
    if (!ip || this.isBlacklisted(ip)) return;
    this.autoBlacklisted.add(ip);
    this.deps.db.prisma.ipBlacklist
      .upsert({
        where: { cidr: ip },
        create: { id: newId(), cidr: ip, source: "AUTO", reason: `fraud score ${score}` },
        update: {},
      })
      .then(() => this.deps.bus.publish("config:changed", { entity: "ipBlacklist", at: Date.now() }))
      .catch((err: Error) => this.deps.logger.warn({ err: err.message }, "auto-blacklist write failed"));
  }

  /** A click for /offer: recent clicks from memory (works while the database is down), else one indexed read. */
  async findClick(id: string): Promise<ClickRow | null> {
    const line = this.recent.get(id);
    if (line) return parseClickLine(line);
    const rows = await this.deps.db.prisma.$queryRaw<Array<Record<string, unknown>>>`
      SELECT id::text, campaign_id::text, flow_id::text, landing_id::text, offer_id::text, source_id::text, visitor_id::text,
        created_at, ip, country, region, city, isp, asn, os, os_version, browser, browser_version, device_type, language,
        referrer_domain, sub1, sub2, sub3, sub4, sub5, source_click_id, ext_campaign_id, ext_ad_set_id, ext_ad_id, ext_placement,
        params, cost::text AS cost
      FROM clicks WHERE id = ${id}::uuid`;
    const r = rows[0];
    if (!r) return null;
    const s = (k: string) => (r[k] as string | null) ?? "";
    return {
      id: s("id"),
      campaignId: s("campaign_id"),
      flowId: (r.flow_id as string | null) ?? null,
      landingId: (r.landing_id as string | null) ?? null,
      offerId: (r.offer_id as string | null) ?? null,
      sourceId: (r.source_id as string | null) ?? null,
      visitorId: s("visitor_id"),
      createdAt: (r.created_at as Date).getTime(),
      outcome: "ROUTED",
      ip: s("ip"),
      country: s("country"),
      region: s("region"),
      city: s("city"),
      isp: s("isp"),
      asn: (r.asn as number | null) ?? null,
      os: s("os"),
      osVersion: s("os_version"),
      browser: s("browser"),
      browserVersion: s("browser_version"),
      deviceType: s("device_type"),
      language: s("language"),
      userAgent: "",
      referrer: "",
      referrerDomain: s("referrer_domain"),
      sub1: s("sub1"),
      sub2: s("sub2"),
      sub3: s("sub3"),
      sub4: s("sub4"),
      sub5: s("sub5"),
      sourceClickId: s("source_click_id"),
      extCampaignId: s("ext_campaign_id"),
      extAdSetId: s("ext_ad_set_id"),
      extAdId: s("ext_ad_id"),
      extPlacement: s("ext_placement"),
      params: (r.params as Record<string, string>) ?? {},
      cost: s("cost"),
      isUnique: true,
      isBot: false,
      fraudScore: 0,
      fraudReasons: [],
      landingClickedAt: null,
    };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearInterval(t);
    if (this.capsRecount) clearTimeout(this.capsRecount);
    for (const u of this.unsubscribe) u();
    await this.writer.stop();
    await this.pool?.end().catch(() => {});
  }
}
