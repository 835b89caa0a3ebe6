// IP helpers: parsing IPs and CIDR ranges, matching, anonymizing, and the client address behind trusted proxies.
import ipaddr from "ipaddr.js";

export type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** Parses "203.0.113.7", "203.0.113.0/24", "2001:db8::/32"; IPv4-mapped IPv6 becomes IPv4. Null if invalid. */
export function parseRange(text: string): Range | null {
  const s = text.trim();
  try {
    if (s.includes("/")) {
      const [addr, bits] = ipaddr.parseCIDR(s);
      return normalizeRange(addr, bits);
    }
    if (!ipaddr.isValid(s)) return null;
    const addr = normalize(ipaddr.parse(s));
    return [addr, addr.kind() === "ipv4" ? 32 : 128];
  } catch {
    return null;
  }
}

function normalizeRange(addr: ipaddr.IPv4 | ipaddr.IPv6, bits: number): Range {
  if (addr.kind() === "ipv6" && (addr as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96) {
    return [(addr as ipaddr.IPv6).toIPv4Address(), bits - 96];
  }
  return [addr, bits];
}

function normalize(addr: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4 | ipaddr.IPv6 {
  return addr.kind() === "ipv6" && (addr as ipaddr.IPv6).isIPv4MappedAddress() ? (addr as ipaddr.IPv6).toIPv4Address() : addr;
}

export const isIpOrCidr = (s: string): boolean => parseRange(s) !== null;

/**
 * Plain dotted-decimal IPv4 without leading zeros ("203.0.113.7", as sockets and proxies write it) as an unsigned
 * 32-bit number, or -1. This is the click path's fast path: every other form (IPv6, "::ffff:" mapped, octal or hex
 * octets, short forms) goes through ipaddr.js.
 */
export function ipv4Number(s: string): number {
  const n = s.length;
  if (n < 7 || n > 15) return -1;
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || dots === 3) return -1;
      value = value * 256 + octet;
      octet = 0;
      digits = 0;
      dots++;
    } else if (c >= 48 && c <= 57) {
      if (digits > 0 && octet === 0) return -1;
      octet = octet * 10 + (c - 48);
      if (octet > 255) return -1;
      digits++;
    } else return -1;
  }
  if (dots !== 3 || digits === 0) return -1;
  return value * 256 + octet;
}

const MAPPED = "::ffff:";

/** The IPv4 number of a plain address or of its "::ffff:" IPv4-mapped form (dual-stack sockets), or -1. */
function fastIpv4(s: string): number {
  const v = ipv4Number(s);
  if (v >= 0 || s.length < 14 || !s.toLowerCase().startsWith(MAPPED)) return v;
  return ipv4Number(s.slice(MAPPED.length));
}

/** Canonical text of an address ("::ffff:1.2.3.4" -> "1.2.3.4"); "" when not an IP. */
export function canonicalIp(s: string): string {
  if (!s) return "";
  if (ipv4Number(s) >= 0) return s;
  if (fastIpv4(s) >= 0) return s.slice(MAPPED.length);
  if (!ipaddr.isValid(s)) return "";
  return normalize(ipaddr.parse(s)).toString();
}

export function inRange(ip: string, range: Range): boolean {
  if (!ipaddr.isValid(ip)) return false;
  const addr = normalize(ipaddr.parse(ip));
  return addr.kind() === range[0].kind() && addr.match(range as [ipaddr.IPv4, number]);
}

/** A compiled list of ranges, for allow-lists and blacklists. */
export class RangeList {
  private readonly ranges: Range[];
  /** The IPv4 ranges again as [network, mask] numbers, for the fast path. */
  private readonly v4: Array<[number, number]> = [];
  constructor(entries: readonly string[]) {
    this.ranges = entries.map(parseRange).filter((r): r is Range => r !== null);
    for (const [addr, bits] of this.ranges) {
      if (addr.kind() !== "ipv4") continue;
      const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
      const o = (addr as ipaddr.IPv4).octets;
      const num = (((o[0] as number) << 24) | ((o[1] as number) << 16) | ((o[2] as number) << 8) | (o[3] as number)) >>> 0;
      this.v4.push([(num & mask) >>> 0, mask]);
    }
  }
  get size(): number {
    return this.ranges.length;
  }
  has(ip: string): boolean {
    if (this.ranges.length === 0) return false;
    const v = fastIpv4(ip);
    if (v >= 0) {
      for (const [net, mask] of this.v4) if ((v & mask) >>> 0 === net) return true;
      return false;
    }
    if (!ipaddr.isValid(ip)) return false;
    const addr = normalize(ipaddr.parse(ip));
    const kind = addr.kind();
    for (const r of this.ranges) if (r[0].kind() === kind && addr.match(r as [ipaddr.IPv4, number])) return true;
    return false;
  }
}

/** GDPR anonymization: IPv4 last octet zeroed, IPv6 kept to its /48. */
export function anonymizeIp(ip: string): string {
  if (!ipaddr.isValid(ip)) return "";
  const addr = normalize(ipaddr.parse(ip));
  if (addr.kind() === "ipv4") {
    const o = (addr as ipaddr.IPv4).octets;
    return `${o[0]}.${o[1]}.${o[2]}.0`;
  }
  const parts = (addr as ipaddr.IPv6).parts.slice(0, 3);
  return ipaddr.fromByteArray([...parts.flatMap((p) => [p >> 8, p & 0xff]), ...new Array<number>(10).fill(0)]).toString();
}

/**
 * The client's address: the socket's, unless the socket is a trusted proxy, in which case X-Forwarded-For is
 * walked from the right, skipping trusted proxies, and the first untrusted hop is the client.
 */
export function clientIp(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trusted: RangeList): string {
  const socketIp = canonicalIp(socketAddress ?? "");
  if (!forwardedFor || trusted.size === 0 || !trusted.has(socketIp)) return socketIp;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor).split(",").map((h) => h.trim());
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = canonicalIp(hops[i] as string);
    if (!hop) return socketIp;
    if (!trusted.has(hop)) return hop;
  }
  return canonicalIp(hops[0] ?? "") || socketIp;
}
