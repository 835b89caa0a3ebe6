// SSRF guard: a sentinel server on loopback must see zero connections, whatever encoding or redirect is tried.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOutbound, isPublicAddress } from "./outbound.js";

let sentinel: http.Server;
let sentinelHits = 0;
let port = 0;
let relay: http.Server;
let relayPort = 0;

beforeAll(async () => {
  sentinel = http.createServer((_req, res) => {
    sentinelHits++;
    res.end("secret");
  });
  sentinel.on("connection", () => sentinelHits++);
  await new Promise<void>((r) => sentinel.listen(0, "127.0.0.1", r));
  port = (sentinel.address() as AddressInfo).port;
  // An "external" server on another loopback alias that tests allow; it redirects to the sentinel.
  relay = http.createServer((req, res) => {
    if (req.url === "/big") {
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("x".repeat(5000));
      return;
    }
    if (req.url === "/slow") return void setTimeout(() => res.end("late"), 2000);
    if (req.url === "/ok") return void res.end("hello");
    res.writeHead(302, { location: `http://127.0.0.1:${port}/` });
    res.end();
  });
  await new Promise<void>((r) => relay.listen(0, "127.0.0.2", r));
  relayPort = (relay.address() as AddressInfo).port;
});
afterAll(async () => {
  sentinel.close();
  relay.close();
});

const guarded = createOutbound({ allowPrivate: false });
const relayOnly = createOutbound({ allowPrivate: false, isAllowedAddress: (a) => a === "127.0.0.2" });

describe("outbound SSRF guard", () => {
  it.each([
    (p: number) => `http://127.0.0.1:${p}/`,
    (p: number) => `http://127.1:${p}/`,
    (p: number) => `http://0x7f000001:${p}/`,
    (p: number) => `http://2130706433:${p}/`,
    (p: number) => `http://0177.0.0.1:${p}/`,
    (p: number) => `http://[::ffff:127.0.0.1]:${p}/`,
    (p: number) => `http://[::1]:${p}/`,
    (p: number) => `http://localhost:${p}/`,
    () => "http://169.254.169.254/latest/meta-data/",
    () => "http://10.0.0.1/",
    () => "http://192.168.1.1/",
    () => "http://[fd00::1]/",
    () => "http://0.0.0.0/",
  ])("refuses %s", async (make) => {
    await expect(guarded.send(make(port), { timeoutMs: 2000 })).rejects.toMatchObject({ code: "BLOCKED_ADDRESS" });
  });

  it("refuses non-http schemes and credentials", async () => {
    await expect(guarded.send("file:///etc/passwd")).rejects.toMatchObject({ code: "BAD_SCHEME" });
    await expect(guarded.send("gopher://example.com/")).rejects.toMatchObject({ code: "BAD_SCHEME" });
    await expect(guarded.send("http://user:pw@example.com/")).rejects.toMatchObject({ code: "BAD_URL" });
  });

  it("re-checks every redirect hop", async () => {
    await expect(relayOnly.send(`http://127.0.0.2:${relayPort}/redirect`)).rejects.toMatchObject({ code: "BLOCKED_ADDRESS" });
  });

  it("pins the connection to the address it checked (DNS rebinding)", async () => {
    let calls = 0;
    const rebinding = createOutbound({
      allowPrivate: false,
      isAllowedAddress: (a) => a === "127.0.0.2",
      // First answer allowed, any later answer points at the sentinel: only the first may ever be used.
      resolve: async () => (++calls === 1 ? ["127.0.0.2"] : ["127.0.0.1"]),
    });
    const r = await rebinding.send(`http://rebind.test:${relayPort}/ok`);
    expect(r.body.toString()).toBe("hello");
    const blocked = createOutbound({ allowPrivate: false, isAllowedAddress: (a) => a === "127.0.0.2", resolve: async () => ["127.0.0.1"] });
    await expect(blocked.send(`http://rebind.test:${port}/`)).rejects.toMatchObject({ code: "BLOCKED_ADDRESS" });
  });

  it("caps response size and time", async () => {
    await expect(relayOnly.send(`http://127.0.0.2:${relayPort}/big`, { maxBytes: 1000 })).rejects.toMatchObject({ code: "TOO_LARGE" });
    const started = Date.now();
    await expect(relayOnly.send(`http://127.0.0.2:${relayPort}/slow`, { timeoutMs: 300 })).rejects.toMatchObject({ code: "TIMEOUT" });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it("the sentinel saw no connection at all", () => {
    expect(sentinelHits).toBe(0);
  });

  it("classifies addresses", () => {
    expect(isPublicAddress("8.8.8.8")).toBe(true);
    expect(isPublicAddress("2606:4700:4700::1111")).toBe(true);
    for (const a of [
      "127.0.0.1",
      "10.1.2.3",
      "172.16.0.1",
      "192.168.0.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "fe80::1",
      "fd12::1",
      "::ffff:127.0.0.1",
      "224.0.0.1",
    ]) {
      expect(isPublicAddress(a)).toBe(false);
    }
  });
});
