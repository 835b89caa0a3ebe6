// The shared counters' contract, the same for the in-process and the Redis implementation (real Redis).
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { type Counters, memoryCounters, redisCounters } from "../src/lib/counters.js";
import { testRedisUrl } from "./helpers/app.js";

const redis = new Redis(testRedisUrl(), { lazyConnect: false, maxRetriesPerRequest: 2 });
const made: Counters[] = [];
afterAll(async () => {
  for (const c of made) await c.close();
  redis.disconnect();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each([
  ["memory", () => memoryCounters()],
  ["redis", () => redisCounters(redis, `test:${randomBytes(4).toString("hex")}:`)],
])("%s counters", (_name, make) => {
  it("hitWindows counts one event in every window, on one log, capped at track", async () => {
    const c = make();
    made.push(c);
    const counts: number[][] = [];
    for (let i = 0; i < 4; i++) counts.push(await c.hitWindows("ip:1", [150, 5_000], 32));
    expect(counts.map((x) => x[1])).toEqual([1, 2, 3, 4]);
    expect(counts[3]?.[0]).toBe(4);
    await sleep(250);
    // The short window has moved past the first four; the long one still holds them.
    expect(await c.hitWindows("ip:1", [150, 5_000], 32)).toEqual([1, 5]);
    // Another key is another log.
    expect(await c.hitWindows("ip:2", [150, 5_000], 32)).toEqual([1, 1]);
    // Counts stop at `track`.
    let last: number[] = [];
    for (let i = 0; i < 10; i++) last = await c.hitWindows("ip:3", [5_000, 10_000], 6);
    expect(last).toEqual([6, 6]);
  });

  it("hit and setIfAbsent keep their meaning", async () => {
    const c = make();
    made.push(c);
    expect(await c.hit("k", 5_000)).toBe(1);
    expect(await c.hit("k", 5_000)).toBe(2);
    expect(await c.setIfAbsent("u", "first", 5_000)).toBe("first");
    expect(await c.setIfAbsent("u", "second", 5_000)).toBe("first");
  });
});

describe("memory counters", () => {
  it("hold at most maxKeys keys per map, dropping the oldest first", async () => {
    let t = 1_000;
    const c = memoryCounters(() => t, 100);
    made.push(c);
    for (let i = 0; i < 150; i++) await c.setIfAbsent(`u${i}`, `first-${i}`, 86_400_000);
    // The 50 oldest were dropped: they are absent again; the newest 100 still answer their first value.
    expect(await c.setIfAbsent("u0", "again", 86_400_000)).toBe("again");
    expect(await c.setIfAbsent("u149", "again", 86_400_000)).toBe("first-149");
    expect(await c.get("u60")).toBe("first-60");
    for (let i = 0; i < 150; i++) await c.hit(`ip${i}`, 60_000);
    expect(await c.count("ip0", 60_000)).toBe(0);
    expect(await c.count("ip149", 60_000)).toBe(1);
    // Expired keys answer as absent whatever the cap.
    t += 86_400_001;
    expect(await c.get("u149")).toBeNull();
  });
});
