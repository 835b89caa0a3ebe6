// Counters shared by all requests: rate limits, click floods, frequency caps, unique detection, bindings.
// In process for one node; in Redis when REDIS_URL is set, so several api nodes agree.
import type { Redis } from "ioredis";
import { flat } from "./flat.js";

export interface Counters {
  /**
   * Records one event under `key` and returns how many events the key has had in the last `windowMs`
   * (this one included), a true sliding window. Counts above `track` are reported as `track`.
   */
  hit(key: string, windowMs: number, track?: number): Promise<number>;
  /**
   * One event under `key`, counted in several sliding windows at once (one log kept for the longest): the counts,
   * in the order of `windowsMs`. Counts above `track` are reported as `track`.
   */
  hitWindows(key: string, windowsMs: readonly number[], track?: number): Promise<number[]>;
  /** Events in the sliding window without recording one. */
  count(key: string, windowMs: number): Promise<number>;
  /** Sets `key` to `value` only when absent; returns the value now stored. */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<string>;
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  del(key: string): Promise<void>;
  /** Adds `by` to an integer counter that expires `ttlMs` after its creation; returns the new value. */
  incr(key: string, by: number, ttlMs: number): Promise<number>;
  close(): Promise<void>;
}

const DEFAULT_TRACK = 64;

/**
 * Keys each in-process map holds at most. Uniqueness and binding keys live a day by default, so a busy single node
 * would otherwise grow without bound (about 250 bytes a key); past the cap the oldest keys go first, and those
 * visitors are forgotten early (a repeat visit counts as unique again). Redis mode has no such cap.
 */
export const MEMORY_MAX_KEYS = 1_000_000;
/** Entries the sweep looks at per tick, oldest first: a bounded slice of work instead of a pause over every key. */
const SWEEP_BUDGET = 20_000;

/** Drops expired entries from the oldest end (Maps keep insertion order), looking at no more than `budget`. */
function sweepOldest(map: Map<string, { until: number }>, t: number, budget: number) {
  for (const [k, v] of map) {
    if (budget-- <= 0) return;
    if (v.until <= t) map.delete(k);
  }
}

/** Keeps a map within `max` keys by dropping its oldest. */
function cap(map: Map<string, unknown>, max: number) {
  let over = map.size - max;
  if (over <= 0) return;
  for (const k of map.keys()) {
    map.delete(k);
    if (--over <= 0) return;
  }
}

export function memoryCounters(now: () => number = Date.now, maxKeys = MEMORY_MAX_KEYS): Counters {
  const logs = new Map<string, { times: number[]; until: number }>();
  const values = new Map<string, { value: string; until: number }>();
  // Expired entries go when read, by a sweep of the oldest each second, and past maxKeys the oldest go anyway.
  const sweep = setInterval(() => {
    const t = now();
    sweepOldest(logs, t, SWEEP_BUDGET);
    sweepOldest(values, t, SWEEP_BUDGET);
  }, 1_000);
  sweep.unref();
  // Keys and values are built from parts: flat, so a Map holds one string instead of the tree of them.
  const put = (key: string, value: string, until: number) => {
    values.set(flat(key), { value: flat(value), until });
    cap(values, maxKeys);
  };

  const live = (key: string) => {
    const v = values.get(key);
    if (v && v.until <= now()) {
      values.delete(key);
      return undefined;
    }
    return v;
  };
  /** Appends one event at `t` to the key's log (the last `track` kept, alive `windowMs`); returns the log. */
  const record = (key: string, t: number, windowMs: number, track: number): number[] => {
    const entry = logs.get(key);
    if (!entry) {
      // Most keys (visitors' IPs) see one event: an array of exactly one, not push's room for 17.
      const times = [t];
      logs.set(flat(key), { times, until: t + windowMs });
      cap(logs, maxKeys);
      return times;
    }
    entry.times.push(t);
    if (entry.times.length > track) entry.times.splice(0, entry.times.length - track);
    entry.until = Math.max(entry.until, t + windowMs);
    return entry.times;
  };
  const countIn = (times: number[], from: number) => {
    let n = 0;
    for (let i = times.length - 1; i >= 0 && (times[i] as number) > from; i--) n++;
    return n;
  };

  return {
    async hit(key, windowMs, track = DEFAULT_TRACK) {
      const t = now();
      return countIn(record(key, t, windowMs, track), t - windowMs);
    },
    async hitWindows(key, windowsMs, track = DEFAULT_TRACK) {
      const t = now();
      const times = record(key, t, Math.max(...windowsMs), track);
      return windowsMs.map((w) => countIn(times, t - w));
    },
    async count(key, windowMs) {
      const entry = logs.get(key);
      return entry ? countIn(entry.times, now() - windowMs) : 0;
    },
    async setIfAbsent(key, value, ttlMs) {
      const v = live(key);
      if (v) return v.value;
      put(key, value, now() + ttlMs);
      return value;
    },
    async get(key) {
      return live(key)?.value ?? null;
    },
    async set(key, value, ttlMs) {
      put(key, value, now() + ttlMs);
    },
    async del(key) {
      values.delete(key);
      logs.delete(key);
    },
    async incr(key, by, ttlMs) {
      const v = live(key);
      const next = (v ? Number(v.value) : 0) + by;
      put(key, String(next), v?.until ?? now() + ttlMs);
      return next;
    },
    async close() {
      clearInterval(sweep);
    },
  };
}

// Sliding window over a sorted set of event times; members carry a random suffix so equal timestamps count twice.
const HIT_SCRIPT = `
local key = KEYS[1]
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local track = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
if ARGV[4] == '1' then
  redis.call('ZADD', key, now, ARGV[5])
  local n = redis.call('ZCARD', key)
  if n > track then redis.call('ZREMRANGEBYRANK', key, 0, n - track - 1) end
  redis.call('PEXPIRE', key, window)
end
return redis.call('ZCARD', key)
`;

// One event, counted in several windows (ARGV[5..]); the log lives as long as the longest window.
const HIT_WINDOWS_SCRIPT = `
local key = KEYS[1]
local now = tonumber(ARGV[1])
local longest = tonumber(ARGV[2])
local track = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - longest)
redis.call('ZADD', key, now, ARGV[4])
local n = redis.call('ZCARD', key)
if n > track then redis.call('ZREMRANGEBYRANK', key, 0, n - track - 1) end
redis.call('PEXPIRE', key, longest)
local out = {}
for i = 5, #ARGV do out[#out + 1] = redis.call('ZCOUNT', key, '(' .. (now - tonumber(ARGV[i])), '+inf') end
return out
`;

export function redisCounters(redis: Redis, prefix = "tly:"): Counters {
  let seq = 0;
  const member = () => `${Date.now()}-${process.pid}-${++seq}-${Math.random().toString(36).slice(2, 8)}`;
  const run = async (key: string, windowMs: number, track: number, record: boolean) =>
    Number(await redis.eval(HIT_SCRIPT, 1, prefix + key, Date.now(), windowMs, track, record ? "1" : "0", member()));
  return {
    hit: (key, windowMs, track = DEFAULT_TRACK) => run(key, windowMs, track, true),
    async hitWindows(key, windowsMs, track = DEFAULT_TRACK) {
      const counts = (await redis.eval(HIT_WINDOWS_SCRIPT, 1, prefix + key, Date.now(), Math.max(...windowsMs), track, member(), ...windowsMs)) as number[];
      return counts.map(Number);
    },
    count: (key, windowMs) => run(key, windowMs, DEFAULT_TRACK, false),
    async setIfAbsent(key, value, ttlMs) {
      const ok = await redis.set(prefix + key, value, "PX", ttlMs, "NX");
      if (ok === "OK") return value;
      return (await redis.get(prefix + key)) ?? value;
    },
    get: (key) => redis.get(prefix + key),
    async set(key, value, ttlMs) {
      await redis.set(prefix + key, value, "PX", ttlMs);
    },
    async del(key) {
      await redis.del(prefix + key);
    },
    async incr(key, by, ttlMs) {
      const [[, n]] = (await redis
        .multi()
        .incrby(prefix + key, by)
        .pexpire(prefix + key, ttlMs, "NX")
        .exec()) as [[null, number]];
      return Number(n);
    },
    async close() {},
  };
}
