import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { amount, currency, PayloadError, parseEvent } from "./payload.js";

const C = "0191a0b0-0000-7000-8000-00000000000c";

describe("amount", () => {
  it("gives canonical decimal strings and refuses non-finite, negative and malformed values", () => {
    expect(amount(89.99, "x")).toBe("89.99");
    expect(amount("59.990", "x")).toBe("59.99");
    expect(amount(0, "x")).toBe("0");
    expect(amount(1e-7, "x")).toBe("0");
    expect(amount(100, "x")).toBe("100");
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY, "1e5", "12,5", "abc", {}, 2e9]) expect(() => amount(bad, "x"), String(bad)).toThrow(/x:/);
  });
});

describe("currency", () => {
  it("accepts ISO 4217 codes in any case", () => {
    expect(currency("usd")).toBe("USD");
    expect(() => currency("XYZ")).toThrow(/ISO 4217/);
    expect(() => currency("DOLLARS")).toThrow(/at most 3/);
  });
});

describe("parseEvent", () => {
  it("turns a purchase into an event value and a conversion with items", () => {
    const ev = parseEvent({
      name: "purchase",
      click: C.toUpperCase(),
      props: {
        order_id: "ORD-1",
        revenue: 89.99,
        currency: "usd",
        products: [
          { name: "Shoes", price: 59.99, qty: 1 },
          { sku: "SOCK", price: "14.99", quantity: 2 },
        ],
      },
    });
    expect(ev.click).toBe(C);
    expect(ev.value).toBe("89.99");
    expect(ev.conversion).toEqual({
      type: "sale",
      transactionId: "ORD-1",
      revenue: "89.99",
      currency: "USD",
      items: [
        { sku: "Shoes", name: "Shoes", price: "59.99", quantity: 1 },
        { sku: "SOCK", price: "14.99", quantity: 2 },
      ],
    });
  });

  it("multiplies add_to_cart price by quantity without float error", () => {
    expect(parseEvent({ name: "add_to_cart", props: { price: 0.1, qty: 3 } }).value).toBe("0.3");
  });

  it("reads the hit/vid document's conversion call", () => {
    expect(parseEvent({ name: "conversion", props: { rev: "10", tx: "T", vid: C, p: C } }).conversion).toEqual({
      type: "sale",
      transactionId: "T",
      revenue: "10",
      visitorId: C,
      page: C,
      byVisitor: true,
    });
    expect(() => parseEvent({ name: "conversion", props: { hit: C, vid: C } })).toThrow(/either hit or vid/);
  });

  it("accepts custom event names matching the pattern only", () => {
    expect(parseEvent({ name: "video_play" }).name).toBe("video_play");
    for (const name of ["", "1abc", "a b", "x".repeat(65), "<script>"]) expect(() => parseEvent({ name })).toThrow(/name/);
  });

  it("refuses non-objects, nested props and too many fields", () => {
    expect(() => parseEvent([])).toThrow(/JSON object/);
    expect(() => parseEvent({ name: "x", props: [] })).toThrow(/props: expected an object/);
    expect(() => parseEvent({ name: "x", props: { a: [1] } })).toThrow(/props.a/);
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i]));
    expect(() => parseEvent({ name: "x", props: many })).toThrow(/at most 50/);
    expect(() => parseEvent(JSON.parse('{"name":"x","props":{"__proto__":{"a":1}}}'))).toThrow(/__proto__/);
  });
});

describe("parseEvent on arbitrary input (property)", () => {
  it("either refuses with a PayloadError or yields finite, non-negative canonical amounts and known shapes", () => {
    const amountish = fc.oneof(fc.double(), fc.integer(), fc.string(), fc.constantFrom("1e400", "-0", "NaN", "12.5", " 7 ", "0.00000001"));
    const props = fc.dictionary(
      fc.oneof(fc.constantFrom("revenue", "rev", "price", "qty", "cart_total", "currency", "order_id", "products", "email", "hit", "vid", "p"), fc.string()),
      fc.oneof(
        amountish,
        fc.boolean(),
        fc.constant(null),
        fc.array(fc.dictionary(fc.constantFrom("price", "qty", "name", "sku"), amountish), { maxLength: 3 }),
      ),
    );
    const body = fc.record(
      {
        name: fc.oneof(fc.constantFrom("pageview", "add_to_cart", "checkout", "purchase", "lead", "conversion", "step"), fc.string()),
        props,
        step: fc.anything(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(body, fc.anything()), (raw) => {
        let ev: ReturnType<typeof parseEvent>;
        try {
          ev = parseEvent(raw);
        } catch (err) {
          expect(err).toBeInstanceOf(PayloadError);
          return;
        }
        const decimal = /^\d+(\.\d{1,6})?$/;
        if (ev.value !== undefined) expect(ev.value).toMatch(decimal);
        if (ev.conversion?.revenue !== undefined) expect(ev.conversion.revenue).toMatch(decimal);
        for (const it of ev.conversion?.items ?? []) {
          expect(it.price).toMatch(decimal);
          expect(Number.isInteger(it.quantity) && it.quantity >= 1).toBe(true);
        }
        expect(JSON.stringify(ev.props).length).toBeLessThan(200_000);
      }),
      { numRuns: 2000 },
    );
  });
});
