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

/** Canonical text of an address ("::ffff:1.2.3.4" -> "1.2.3.4"); "" when not an IP. */
export function canonicalIp(s: string): string {
  if (!s || !ipaddr.isValid(s)) return "";
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
  constructor(entries: readonly string[]) {
    this.ranges = entries.map(parseRange).filter((r): r is Range => r !== null);
  }
  get size(): number {
    return this.ranges.length;
  }
  has(ip: string): boolean {
    if (this.ranges.length === 0 || !ipaddr.isValid(ip)) return false;
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
