import { describe, expect, it, vi } from "vitest";
import { send, type Transport } from "../src/send";

const ok = (status = 202) => Promise.resolve({ status } as Response);

function transport(over: Partial<Transport> = {}) {
  const calls: string[] = [];
  const t: Transport = {
    fetch: vi.fn(() => ok()) as unknown as typeof fetch,
    beacon: vi.fn(() => {
      calls.push("beacon");
      return true;
    }),
    later: (fn) => fn(),
    hidden: () => false,
    ...over,
  };
  return { t, calls };
}

describe("send", () => {
  it("posts a text/plain body with keepalive", async () => {
    const { t } = transport();
    expect(await send(t, "https://t.example/api/event", '{"name":"pageview"}')).toBe(true);
    const [url, init] = (t.fetch as unknown as ReturnType<typeof vi.fn>).mock.calls[0] as [string, RequestInit];
    expect(url).toBe("https://t.example/api/event");
    expect(init).toMatchObject({ method: "POST", keepalive: true, body: '{"name":"pageview"}', headers: { "content-type": "text/plain" } });
  });

  it("retries once after a network error, then gives up without throwing", async () => {
    const f = vi.fn(() => Promise.reject(new TypeError("network")));
    const { t } = transport({ fetch: f as unknown as typeof fetch });
    expect(await send(t, "u", "b")).toBe(false);
    expect(f).toHaveBeenCalledTimes(2);
  });

  it("retries a 5xx and a 429 but not a 4xx", async () => {
    for (const [status, calls] of [
      [503, 2],
      [429, 2],
      [400, 1],
    ] as const) {
      const f = vi.fn(() => ok(status));
      const { t } = transport({ fetch: f as unknown as typeof fetch });
      await send(t, "u", "b");
      expect(f).toHaveBeenCalledTimes(calls);
    }
  });

  it("succeeds when the retry succeeds", async () => {
    const f = vi
      .fn()
      .mockReturnValueOnce(Promise.reject(new Error("x")))
      .mockReturnValueOnce(ok());
    const { t } = transport({ fetch: f as unknown as typeof fetch });
    expect(await send(t, "u", "b")).toBe(true);
  });

  it("retries by beacon when the page is already hidden", async () => {
    const f = vi.fn(() => Promise.reject(new Error("x")));
    const { t, calls } = transport({ fetch: f as unknown as typeof fetch, hidden: () => true });
    expect(await send(t, "u", "b")).toBe(true);
    expect(f).toHaveBeenCalledTimes(1);
    expect(calls).toEqual(["beacon"]);
  });

  it("falls back to sendBeacon when fetch is missing or throws synchronously", async () => {
    const a = transport({ fetch: undefined });
    expect(await send(a.t, "u", "b")).toBe(true);
    expect(a.calls).toEqual(["beacon"]);
    const b = transport({
      fetch: (() => {
        throw new TypeError("keepalive quota");
      }) as unknown as typeof fetch,
    });
    expect(await send(b.t, "u", "b")).toBe(true);
    expect(b.calls).toEqual(["beacon"]);
  });

  it("never rejects, even when every transport throws", async () => {
    const t: Transport = {
      fetch: (() => {
        throw new Error("a");
      }) as unknown as typeof fetch,
      beacon: () => {
        throw new Error("b");
      },
    };
    await expect(send(t, "u", "b")).resolves.toBe(false);
  });
});
