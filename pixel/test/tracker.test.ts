import { afterEach, describe, expect, it } from "vitest";
import type { Transport } from "../src/send";
import { createTracker, eventId } from "../src/tracker";
import { fakeBrowser } from "./dom";

const C = "0191a0b0-0000-7000-8000-00000000000c";

afterEach(() => {
  for (const k of ["document", "location", "window", "localStorage", "trackily_optout"]) delete (globalThis as Record<string, unknown>)[k];
});

function capture() {
  const bodies: Record<string, unknown>[] = [];
  const transport: Transport = {
    fetch: ((_u: string, init: RequestInit) => {
      bodies.push(JSON.parse(init.body as string));
      return Promise.resolve({ status: 202 } as Response);
    }) as unknown as typeof fetch,
  };
  return { bodies, transport };
}

describe("eventId", () => {
  it("is a UUIDv7 carrying the time, unique per call", () => {
    const a = eventId(0x0191a0b0c0d0);
    expect(a).toMatch(/^0191a0b0-c0d0-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(Array.from({ length: 1000 }, () => eventId())).size).toBe(1000);
  });
});

describe("tracker", () => {
  it("sends events with the page, the referrer and the click", async () => {
    fakeBrowser(`https://shop.example/thanks?_tly_click=${C}`);
    const { bodies, transport } = capture();
    const t = createTracker({ endpoint: "https://t.example/api/event", transport });
    await t.track("purchase", { order_id: "ORD-1", revenue: 89.99 });
    await t.reportStep(2, "Email Submitted");
    expect(bodies[0]?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    delete bodies[0]?.id;
    expect(bodies[0]).toEqual({
      name: "purchase",
      props: { order_id: "ORD-1", revenue: 89.99 },
      url: `https://shop.example/thanks?_tly_click=${C}`,
      referrer: "https://ref.example/",
      click: C,
    });
    expect(bodies[1]).toMatchObject({ name: "step", step: 2, label: "Email Submitted", click: C });
  });

  it("never throws on unserialisable props or odd arguments", async () => {
    fakeBrowser("https://shop.example/");
    const { bodies, transport } = capture();
    const t = createTracker({ endpoint: "u", transport });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await expect(t.track("x", cyclic)).resolves.toBe(false);
    await expect(t.track("y", { n: BigInt(1) } as Record<string, unknown>)).resolves.toBe(false);
    await expect(t.track(undefined as unknown as string, "nope" as unknown as Record<string, unknown>)).resolves.toBe(true);
    expect(bodies).toHaveLength(1);
  });

  it("respects the opt-out flag and optOut()/optIn()", async () => {
    fakeBrowser("https://shop.example/");
    const { bodies, transport } = capture();
    const t = createTracker({ endpoint: "u", transport });
    t.optOut();
    await t.track("pageview");
    t.optIn();
    (globalThis as Record<string, unknown>).trackily_optout = true;
    await t.track("pageview");
    delete (globalThis as Record<string, unknown>).trackily_optout;
    await t.track("pageview");
    expect(bodies).toHaveLength(1);
  });
});
