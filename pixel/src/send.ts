// Delivery of one event. `fetch` with `keepalive` (survives the page being unloaded) and a `text/plain` body, which
// is a CORS "simple request": no preflight, so the first and only round trip carries the event. When fetch is
// missing or refuses (keepalive bodies are capped at 64 KB in total per page), `sendBeacon` takes it. A network
// error or a 5xx/429 is retried once, after a second, by beacon when the page is already hidden.
// Keep the wire format in sync with api/src/tracking/events/payload.ts.

export type Transport = {
  fetch?: typeof fetch;
  beacon?: (url: string, body: string) => boolean;
  later?: (fn: () => void, ms: number) => void;
  hidden?: () => boolean;
};

export function browserTransport(): Transport {
  const w = window;
  const n = navigator;
  return {
    fetch: typeof w.fetch === "function" ? w.fetch.bind(w) : undefined,
    beacon: n.sendBeacon ? (url, body) => n.sendBeacon(url, new Blob([body], { type: "text/plain" })) : undefined,
    later: (fn, ms) => w.setTimeout(fn, ms),
    hidden: () => document.visibilityState === "hidden",
  };
}

/** Sends `body` to `url`; resolves true once the server took it (or the beacon was queued). Never rejects. */
export function send(t: Transport, url: string, body: string, retry = 1): Promise<boolean> {
  const beacon = (): boolean => {
    try {
      return !!t.beacon && t.beacon(url, body);
    } catch (_e) {
      return false;
    }
  };
  const again = (): Promise<boolean> => {
    if (retry < 1) return Promise.resolve(false);
    if (!t.later || (t.hidden && t.hidden())) return Promise.resolve(beacon());
    return new Promise((res) => t.later?.(() => res(send(t, url, body, retry - 1)), 1000));
  };
  if (!t.fetch) return Promise.resolve(beacon());
  try {
    return t
      .fetch(url, { method: "POST", body, keepalive: true, credentials: "include", headers: { "content-type": "text/plain" } })
      .then(
        (r) => (r.status >= 500 || r.status === 429 ? again() : true),
        () => again(),
      )
      .catch(() => false);
  } catch (_e) {
    // Synchronous refusal (keepalive quota, odd polyfills): the beacon is the fallback, and it counts as the attempt.
    return Promise.resolve(beacon() || false);
  }
}
