import { describe, expect, it } from "vitest";
import { dateTime, delta, money, presetRange, previousRange, ymd } from "./format";

describe("format", () => {
  it("formats Decimal strings as money in the given currency without float drift", () => {
    expect(money("1234.5", "USD")).toBe("$1,234.50");
    expect(money("0.1", "EUR")).toBe("€0.10");
    expect(money(null)).toBe("—");
  });
  it("shows instants in the account time zone", () => {
    expect(dateTime("2026-11-21T23:30:00Z", "Europe/Berlin")).toBe("2026-11-22, 00:30:00");
    expect(ymd(new Date("2026-11-21T23:30:00Z"), "America/New_York")).toBe("2026-11-21");
  });
  it("resolves presets in the time zone and the previous period of equal length", () => {
    const now = new Date("2026-11-21T23:30:00Z");
    expect(presetRange("today", now)).toEqual({ from: "2026-11-21", to: "2026-11-21" });
    expect(presetRange("7d", now)).toEqual({ from: "2026-11-15", to: "2026-11-21" });
    expect(previousRange({ from: "2026-11-15", to: "2026-11-21" })).toEqual({ from: "2026-11-08", to: "2026-11-14" });
    expect(delta(150, 100)).toBe(50);
    expect(delta(5, 0)).toBeNull();
  });
});
