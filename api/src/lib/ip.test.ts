import fc from "fast-check";
import ipaddr from "ipaddr.js";
import { describe, expect, it } from "vitest";
import { canonicalIp, clientIp, ipv4Number, RangeList } from "./ip.js";

// The reference: ipaddr.js alone, as these helpers worked before the IPv4 fast path.
const reference = {
  canonical(s: string): string {
    if (!s || !ipaddr.isValid(s)) return "";
    const a = ipaddr.parse(s);
    return (a.kind() === "ipv6" && (a as ipaddr.IPv6).isIPv4MappedAddress() ? (a as ipaddr.IPv6).toIPv4Address() : a).toString();
  },
  has(ranges: string[], ip: string): boolean {
    if (!ipaddr.isValid(ip)) return false;
    let a = ipaddr.parse(ip);
    if (a.kind() === "ipv6" && (a as ipaddr.IPv6).isIPv4MappedAddress()) a = (a as ipaddr.IPv6).toIPv4Address();
    return ranges.some((r) => {
      let [net, bits] = r.includes("/") ? ipaddr.parseCIDR(r) : [ipaddr.parse(r), ipaddr.parse(r).kind() === "ipv4" ? 32 : 128];
      if (net.kind() === "ipv6" && (net as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96) {
        net = (net as ipaddr.IPv6).toIPv4Address();
        bits -= 96;
      }
      return net.kind() === a.kind() && a.match(net as ipaddr.IPv4, bits);
    });
  },
};

const octet = fc.oneof(fc.integer({ min: 0, max: 255 }).map(String), fc.constantFrom("00", "010", "0x1f", "256", "999", "", "1a"));
const ipLike = fc.oneof(
  fc.tuple(octet, octet, octet, octet).map((o) => o.join(".")),
  fc
    .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }))
    .map((o) => o.join(".")),
  fc.ipV4().map((a) => `::ffff:${a}`),
  fc.ipV4().map((a) => `::FFFF:${a}`),
  fc.ipV6(),
  fc.string({ maxLength: 16 }),
);
const cidr = fc.oneof(
  fc.tuple(fc.ipV4(), fc.integer({ min: 0, max: 32 })).map(([a, b]) => `${a}/${b}`),
  fc.ipV4(),
  fc.tuple(fc.ipV4(), fc.integer({ min: 96, max: 128 })).map(([a, b]) => `::ffff:${a}/${b}`),
  fc.tuple(fc.ipV6(), fc.integer({ min: 0, max: 128 })).map(([a, b]) => `${a}/${b}`),
);

describe("IP helpers", () => {
  it("parses plain dotted IPv4 and leaves every other form to ipaddr.js", () => {
    expect(ipv4Number("203.0.113.7")).toBe(0xcb007107);
    expect(ipv4Number("0.0.0.0")).toBe(0);
    expect(ipv4Number("255.255.255.255")).toBe(0xffffffff);
    for (const s of ["01.2.3.4", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1..2.3", "1.2.3.4 ", "0x7f.0.0.1", "::1"]) expect(ipv4Number(s)).toBe(-1);
  });

  it("canonicalIp agrees with ipaddr.js on any input", () => {
    fc.assert(
      fc.property(ipLike, (s) => canonicalIp(s) === reference.canonical(s)),
      { numRuns: 5_000 },
    );
  });

  it("RangeList.has agrees with ipaddr.js on any address and list", () => {
    fc.assert(
      fc.property(fc.array(cidr, { maxLength: 6 }), ipLike, (ranges, ip) => new RangeList(ranges).has(ip) === reference.has(ranges, ip)),
      { numRuns: 5_000 },
    );
    // An address inside a range generated around it is found.
    fc.assert(
      fc.property(fc.ipV4(), fc.integer({ min: 0, max: 32 }), (a, bits) => new RangeList([`${a}/${bits}`]).has(a) && new RangeList([a]).has(`::ffff:${a}`)),
    );
  });

  it("takes the client from X-Forwarded-For only behind a trusted proxy", () => {
    const trusted = new RangeList(["10.0.0.0/8", "::1"]);
    expect(clientIp("10.1.2.3", "198.51.100.9, 10.0.0.5", trusted)).toBe("198.51.100.9");
    expect(clientIp("::ffff:10.1.2.3", "198.51.100.9", trusted)).toBe("198.51.100.9");
    expect(clientIp("203.0.113.1", "198.51.100.9", trusted)).toBe("203.0.113.1");
    expect(clientIp("::1", "2001:db8::1", trusted)).toBe("2001:db8::1");
    expect(clientIp("10.1.2.3", "not-an-ip, 198.51.100.9", trusted)).toBe("198.51.100.9");
    expect(clientIp("10.1.2.3", "198.51.100.9, garbage", trusted)).toBe("10.1.2.3");
  });
});
