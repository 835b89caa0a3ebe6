// The pixel's public API: track(name, props), reportStep(n, name), optOut()/optIn(). Everything is wrapped so that
// no input, however odd, throws into the host page; events are only ever dropped when the visitor opted out.
import { type Context, resolve } from "./attribution";
import { send, type Transport } from "./send";

export interface Options {
  /** The event endpoint, e.g. https://tracker.example/api/event. */
  endpoint: string;
  ctx?: Context;
  /** Lifetime in days of the first-party click cookie on merchant domains. */
  cookieDays?: number;
  /** The URL parameter the offer appends the click id under, when not `_tly_click` or the default `sub2`. */
  clickParam?: string;
  transport: Transport;
}

export interface Tracker {
  track(name: string, props?: Record<string, unknown>): Promise<boolean>;
  reportStep(step: number, name?: string): Promise<boolean>;
  optOut(): void;
  optIn(): void;
}

const OPT_OUT = "trackily_optout";

/** A UUIDv7 per event (time + random), so the server stores a retried event once. */
export function eventId(now = Date.now()): string {
  const h = now.toString(16).padStart(12, "0");
  let r = "";
  const b = new Uint8Array(10);
  try {
    crypto.getRandomValues(b);
  } catch (_e) {
    for (let i = 0; i < 10; i++) b[i] = (Math.random() * 256) | 0;
  }
  for (let i = 0; i < 10; i++) r += ((b[i] as number) + 256).toString(16).slice(1);
  return (
    h.slice(0, 8) + "-" + h.slice(8) + "-7" + r.slice(1, 4) + "-" + ((parseInt(r[4] as string, 16) & 3) | 8).toString(16) + r.slice(5, 8) + "-" + r.slice(8, 20)
  );
}

/** True when the visitor or site opted out: `window.trackily_optout = true` or localStorage `trackily_optout=1`. */
export function optedOut(): boolean {
  try {
    if ((window as any)[OPT_OUT] === true) return true;
    return localStorage.getItem(OPT_OUT) === "1";
  } catch (_e) {
    return false;
  }
}

export function createTracker(o: Options): Tracker {
  let who: Context = {};
  try {
    who = resolve(o.ctx, location.search, o.cookieDays || 30, o.clickParam);
  } catch (_e) {}

  const post = (body: Record<string, unknown>): Promise<boolean> => {
    try {
      if (optedOut()) return Promise.resolve(false);
      body.id = eventId();
      body.url = location.href;
      body.referrer = document.referrer;
      if (who.click) body.click = who.click;
      if (who.vid) body.vid = who.vid;
      if (who.landing) body.landing = who.landing;
      return send(o.transport, o.endpoint, JSON.stringify(body));
    } catch (_e) {
      // Unserialisable props (cycles, BigInt) end here instead of in the host page.
      return Promise.resolve(false);
    }
  };

  return {
    track: (name, props) => post({ name: String(name), props: props && typeof props === "object" ? props : {} }),
    reportStep: (step, name) => post({ name: "step", step: step, label: name == null ? "" : String(name) }),
    optOut: () => {
      try {
        localStorage.setItem(OPT_OUT, "1");
      } catch (_e) {}
    },
    optIn: () => {
      try {
        localStorage.removeItem(OPT_OUT);
      } catch (_e) {}
    },
  };
}
