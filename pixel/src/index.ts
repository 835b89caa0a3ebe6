// The IIFE served as /pixel.js. Finds the tracker it was loaded from, builds the tracker, replays the calls the
// queue stub kept (`window.__tlyq`, see api/src/tracking/events/lander-tag.ts), replaces the stubs with the real
// functions, and sends the automatic pageview (and step 1 on the tracker's local landers).
import { browserTransport } from "./send";
import { createTracker, type Tracker } from "./tracker";

type Call = [string, unknown[]];

// Replaced by the api when it serves /pixel.js (Settings.pixelCookieDays); `data-cookie-days` on the tag wins.
const SERVED_DAYS = "__TLY_COOKIE_DAYS__";

((w: Window & Record<string, any>) => {
  try {
    if (w.__tlyloaded) return;
    w.__tlyloaded = 1;
    let el = document.currentScript as HTMLScriptElement | null;
    if (!el || !el.src) {
      const all = document.getElementsByTagName("script");
      for (let i = all.length - 1; i >= 0; i--) if (/\/pixel\.js(\?|$)/.test((all[i] as HTMLScriptElement).src)) el = all[i] as HTMLScriptElement;
    }
    const d = (el && el.dataset) || {};
    const base = d.api || (el && el.src ? new URL(el.src, location.href).origin : location.origin);
    const t: Tracker = createTracker({
      endpoint: base + "/api/event",
      ctx: w.__tlyctx,
      cookieDays: Number(d.cookieDays) || Number.parseInt(SERVED_DAYS, 10) || 30,
      clickParam: d.clickParam,
      transport: browserTransport(),
    });
    const api = { track: t.track, optOut: t.optOut, optIn: t.optIn, reportStep: t.reportStep };
    const q: Call[] = w.__tlyq || [];
    w.trackily = api;
    w.__trackily = { reportStep: t.reportStep };
    // The queue is replaced by a live one so that a stub captured by old code still delivers.
    w.__tlyq = {
      push: (c: Call) => {
        try {
          (api as any)[c[0]].apply(null, c[1]);
        } catch (_e) {}
      },
    };
    if (d.auto !== "false") {
      t.track("pageview");
      if (w.__tlyctx && w.__tlyctx.landing) t.reportStep(1, "");
    }
    for (let i = 0; i < q.length; i++) w.__tlyq.push(q[i] as Call);
  } catch (_e) {}
})(window as any);
