import { describe, expect, it } from "vitest";
import { amount, currency, parseEvent } from "./payload.js";

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
  });
});
