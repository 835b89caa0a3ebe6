// The third parties' stats answers: Everflow's entity table and time zones, and Kadam's loosely documented shape.
import { describe, expect, it } from "vitest";
import { amountOf, countOf, everflowZoneFor, moneyString, parseEverflowTable, parseEverflowTimezones, parseKadamCampaign, ShapeError } from "./parse-stats.js";

describe("numbers", () => {
  it("reads counts and exact amounts, and treats junk as zero", () => {
    expect([countOf(4), countOf("12"), countOf(3.9), countOf(-1), countOf("x"), countOf(null), countOf(Number.NaN)]).toEqual([4, 12, 3, 0, 0, 0, 0]);
    // 0.1 + 0.2 as floats is 0.30000000000000004; as Decimals read from the JSON numbers' text it is exact.
    expect(amountOf(0.1).plus(amountOf(0.2)).toFixed()).toBe("0.3");
    expect(amountOf("12.50").toFixed()).toBe("12.5");
    expect([amountOf(-5), amountOf("1e3"), amountOf(Number.POSITIVE_INFINITY), amountOf({})].map((d) => d.toFixed())).toEqual(["0", "0", "0", "0"]);
    expect([moneyString(amountOf("1.375")), moneyString(amountOf(1e-7)), moneyString(amountOf(40))]).toEqual(["1.38", "0.00", "40.00"]);
  });
});

describe("Everflow", () => {
  it("parses the offer table, adding up repeated offer rows", () => {
    const rows = parseEverflowTable({
      table: [
        { columns: [{ column_type: "offer", id: 101, label: "A" }], reporting: { imp: 10, total_click: 4, unique_click: 3, cv: 1, revenue: 40.1 } },
        { columns: [{ column_type: "offer", id: "101", label: "A" }], reporting: { total_click: "2", cv: 0, revenue: "0.2" } },
        { columns: [{ column_type: "offer", id: 7 }], reporting: {} },
      ],
    });
    expect(rows.map((r) => ({ ...r, revenue: r.revenue.toFixed() }))).toEqual([
      { id: "101", label: "A", impressions: 10, clicks: 6, uniqueClicks: 3, conversions: 1, revenue: "40.3" },
      { id: "7", label: "7", impressions: 0, clicks: 0, uniqueClicks: 0, conversions: 0, revenue: "0" },
    ]);
    expect(parseEverflowTable({ table: [] })).toEqual([]);
  });

  it("refuses answers that are not an offer table", () => {
    for (const bad of [
      null,
      [],
      { offers: [] },
      { table: {} },
      { table: [{ reporting: {} }] },
      { table: [{ columns: [{ column_type: "country", id: "US" }], reporting: {} }] },
    ]) {
      expect(() => parseEverflowTable(bad)).toThrow(ShapeError);
    }
  });

  it("maps IANA zones to Everflow ids, falling back to UTC (67)", () => {
    const zones = parseEverflowTimezones({
      timezones: [
        { timezone_id: 67, timezone: "UTC", utc_offset: "+00:00" },
        { timezone_id: "80", timezone: "America/New_York" },
        { timezone_id: "x", timezone: "Broken/Zone" },
        "junk",
      ],
    });
    expect(zones).toEqual([
      { id: 67, name: "UTC" },
      { id: 80, name: "America/New_York" },
    ]);
    expect(everflowZoneFor(zones, "America/New_York")).toEqual({ id: 80, name: "America/New_York", matched: true });
    expect(everflowZoneFor(zones, "america/new_york")).toMatchObject({ id: 80, matched: true });
    expect(everflowZoneFor(zones, "Asia/Kathmandu")).toEqual({ id: 67, name: "UTC", matched: false });
    expect(everflowZoneFor([], "UTC")).toEqual({ id: 67, name: "UTC", matched: false });
    expect(() => parseEverflowTimezones({ zones: [] })).toThrow(ShapeError);
  });
});

describe("Kadam", () => {
  const totals = (body: unknown) => {
    const t = parseKadamCampaign(body);
    return { ...t, cost: t.cost.toFixed() };
  };

  it("accepts day rows under data, response or items, with either field spelling", () => {
    expect(
      totals({
        data: [
          { shows: 100, clicks: 5, money: "1.5" },
          { shows: "50", clicks: "2", money: 0.25 },
        ],
      }),
    ).toEqual({ impressions: 150, clicks: 7, cost: "1.75" });
    expect(totals({ response: [{ impressions: 10, clicks: 1, cost: 0.1 }] })).toEqual({ impressions: 10, clicks: 1, cost: "0.1" });
    expect(totals({ items: [{ impressions: 10, clicks: 1, spent: "2" }] })).toEqual({ impressions: 10, clicks: 1, cost: "2" });
    expect(totals({ response: { items: [{ shows: 3, clicks: 1, money: 1 }] } })).toEqual({ impressions: 3, clicks: 1, cost: "1" });
    expect(totals({ data: { rows: [{ shows: 3 }] } })).toEqual({ impressions: 3, clicks: 0, cost: "0" });
    expect(totals({ data: [] })).toEqual({ impressions: 0, clicks: 0, cost: "0" });
  });

  it("accepts a single totals object under data", () => {
    expect(totals({ data: { shows: 1000, clicks: 40, money: "12.50" } })).toEqual({ impressions: 1000, clicks: 40, cost: "12.5" });
  });

  it("refuses errors and unknown shapes", () => {
    expect(() => parseKadamCampaign({ error: { message: "campaign not found" } })).toThrow(/campaign not found/);
    for (const bad of [null, "ok", { result: [] }, { data: "none" }, { shows: 1 }]) expect(() => parseKadamCampaign(bad)).toThrow(ShapeError);
  });
});
