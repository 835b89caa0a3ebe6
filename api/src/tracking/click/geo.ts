// GeoIP through maxmind: City (country, region, city) and ASN (ISP/organization, AS number) databases whose
// paths come from settings (or GEOIP_* config). A missing or unreadable database leaves geo fields empty.
import { readFileSync, statSync } from "node:fs";
import { type AsnResponse, type CityResponse, type IspResponse, Reader, type Response } from "maxmind";

export interface Geo {
  country: string;
  countryName: string;
  region: string;
  city: string;
  isp: string;
  asn: number | null;
}

export const EMPTY_GEO: Geo = Object.freeze({ country: "", countryName: "", region: "", city: "", isp: "", asn: null });

type CityRecord = CityResponse;
type AsnRecord = Partial<AsnResponse & IspResponse>;

export interface DbStatus {
  path: string;
  ok: boolean;
  type?: string;
  buildEpoch?: number;
  error?: string;
}

export class GeoIp {
  private city: Reader<CityRecord> | null = null;
  private asn: Reader<AsnResponse> | null = null;
  private cityKey = "";
  private asnKey = "";
  status: { city: DbStatus; asn: DbStatus } = { city: { path: "", ok: false }, asn: { path: "", ok: false } };

  /** (Re)opens the databases when their paths or files changed. Never throws. */
  configure(cityPath: string, asnPath: string): void {
    const c = open<CityRecord>(cityPath, this.cityKey);
    if (c) {
      this.city = c.reader;
      this.cityKey = c.key;
      this.status.city = c.status;
    }
    const a = open<AsnResponse>(asnPath, this.asnKey);
    if (a) {
      this.asn = a.reader;
      this.asnKey = a.key;
      this.status.asn = a.status;
    }
  }

  lookup(ip: string): Geo {
    if (!ip || (!this.city && !this.asn)) return EMPTY_GEO;
    let c: CityRecord | null = null;
    let a: AsnRecord | null = null;
    try {
      c = this.city?.get(ip) ?? null;
      a = (this.asn?.get(ip) as AsnRecord | null) ?? null;
    } catch {
      return EMPTY_GEO;
    }
    if (!c && !a) return EMPTY_GEO;
    return {
      country: c?.country?.iso_code ?? "",
      countryName: c?.country?.names?.en ?? "",
      region: c?.subdivisions?.[0]?.names?.en ?? "",
      city: c?.city?.names?.en ?? "",
      isp: a?.isp ?? a?.autonomous_system_organization ?? a?.organization ?? "",
      asn: a?.autonomous_system_number ?? null,
    };
  }
}

/**
 * Decoded records by their offset in the database's data section, which many addresses share (one city record
 * serves a whole city). Without it every lookup decodes the full record with all its translated names.
 * Bounded: cleared when full, which is cheaper on the hot path than LRU bookkeeping.
 */
class RecordCache {
  private readonly map = new Map<number, unknown>();
  constructor(private readonly max: number) {}
  get(offset: number): unknown {
    return this.map.get(offset);
  }
  set(offset: number, value: unknown): void {
    if (this.map.size >= this.max) this.map.clear();
    this.map.set(offset, value);
  }
}

/** Returns null when nothing changed (same path, size and mtime). */
function open<T extends Response>(path: string, prevKey: string): { reader: Reader<T> | null; key: string; status: DbStatus } | null {
  if (!path) return prevKey === "" ? null : { reader: null, key: "", status: { path: "", ok: false } };
  let key: string;
  try {
    const st = statSync(path);
    key = `${path}:${st.size}:${st.mtimeMs}`;
  } catch (err) {
    const k = `${path}:missing`;
    return k === prevKey ? null : { reader: null, key: k, status: { path, ok: false, error: (err as Error).message } };
  }
  if (key === prevKey) return null;
  try {
    const reader = new Reader<T>(readFileSync(path), { cache: new RecordCache(20_000) });
    return { reader, key, status: { path, ok: true, type: reader.metadata.databaseType, buildEpoch: Math.floor(reader.metadata.buildEpoch.getTime() / 1000) } };
  } catch (err) {
    return { reader: null, key, status: { path, ok: false, error: `not a MaxMind database: ${(err as Error).message}` } };
  }
}
