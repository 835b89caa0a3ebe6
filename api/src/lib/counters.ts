// Counters shared by all requests: rate limits, click floods, frequency caps, unique detection, bindings.
// In process for one node; in Redis when REDIS_URL is set, so several api nodes agree.
import type { Redis } from "ioredis";

export interface Counters {
  /**
   * Records one event under `key` and returns how many events the key has had in the last `windowMs`
   * (this one included), a true sliding window. Counts above `track` are reported as `track`.
   */
  hit(key: string, windowMs: number, track?: number): Promise<number>;
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

export function memoryCounters(now: () => number = Date.now): Counters {
  const logs = new Map<string, { times: number[]; until: number }>();
  const values = new Map<string, { value: string; until: number }>();
  // Expired entries are swept lazily and by a slow timer, so memory stays bounded by live keys.
  const sweep = setInterval(() => {
    const t = now();
    for (const [k, v] of logs) if (v.until <= t) logs.delete(k);
    for (const [k, v] of values) if (v.until <= t) values.delete(k);
  }, 30_000);
  sweep.unref();

  const live = (key: string) => {
    const v = values.get(key);
    if (v && v.until <= now()) {
      values.delete(key);
      return undefined;
    }
    return v;
  };
  const countIn = (times: number[], from: number) => {
    let n = 0;
    for (let i = times.length - 1; i >= 0 && (times[i] as number) > from; i--) n++;
    return n;
  };

  return {
    async hit(key, windowMs, track = DEFAULT_TRACK) {
      const t = now();
      let entry = logs.get(key);
      if (!entry) logs.set(key, (entry = { times: [], until: 0 }));
      entry.times.push(t);
      if (entry.times.length > track) entry.times.splice(0, entry.times.length - track);
      entry.until = Math.max(entry.until, t + windowMs);
      return countIn(entry.times, t - windowMs);
    },
    async count(key, windowMs) {
      const entry = logs.get(key);
      return entry ? countIn(entry.times, now() - windowMs) : 0;
    },
    async setIfAbsent(key, value, ttlMs) {
      const v = live(key);
      if (v) return v.value;
      values.set(key, { value, until: now() + ttlMs });
      return value;
    },
    async get(key) {
      return live(key)?.value ?? null;
    },
    async set(key, value, ttlMs) {
      values.set(key, { value, until: now() + ttlMs });
    },
    async del(key) {
      values.delete(key);
      logs.delete(key);
    },
    async incr(key, by, ttlMs) {
      const v = live(key);
      const next = (v ? Number(v.value) : 0) + by;
      values.set(key, { value: String(next), until: v?.until ?? now() + ttlMs });
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

export function redisCounters(redis: Redis, prefix = "tly:"): Counters {
  let seq = 0;
  const member = () => `${Date.now()}-${process.pid}-${++seq}-${Math.random().toString(36).slice(2, 8)}`;
  const run = async (key: string, windowMs: number, track: number, record: boolean) =>
    Number(await redis.eval(HIT_SCRIPT, 1, prefix + key, Date.now(), windowMs, track, record ? "1" : "0", member()));
  return {
    hit: (key, windowMs, track = DEFAULT_TRACK) => run(key, windowMs, track, true),
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
