// Pure report logic: metric formulas, attribution weights and cent splitting, funnel rates, statistics.
import { Decimal } from "@prisma/client/runtime/client";
import { describe, expect, it } from "vitest";
import { normalCdf, twoProportionZTest } from "./ab-test.js";
import { splitCents, weights } from "./attribution.js";
import { ROLLUP_MAX_SHARE, restAfter } from "./rollup.js";
import { funnelRows } from "./funnel.js";
import { deltas, deriveMetrics, emptySums } from "./metrics.js";
import { addDays, presetDates, previousDates } from "./params.js";

describe("metrics", () => {
  it("follows the spec's formulas exactly", () => {
    const m = deriveMetrics({
      ...emptySums(),
      clicks: 3,
      unique: 2,
      leads: 2,
      conversions: 1,
      cost: "0.10",
      revenue: "1.00",
      approvedRevenue: "0.40",
      customers: 1,
      repeatCustomers: 0,
    });
    expect(m).toMatchObject({
      profit: "0.90",
      roi: "900.00",
      cr: "33.33",
      epc: "0.1333",
      rpc: "0.3333",
      cpa: "0.10",
      cpl: "0.05",
      aov: "1.00",
      roas: "10.00",
      cac: "0.10",
      ltv: "1.00",
      repeatRate: "0.00",
    });
  });
  it("gives deltas against the previous period", () => {
    const d = deltas(deriveMetrics({ ...emptySums(), clicks: 150 }), deriveMetrics({ ...emptySums(), clicks: 100 }));
    expect(d.find((x) => x.metric === "clicks")).toEqual({ metric: "clicks", current: "150", previous: "100", change: "50", changePct: "50.00" });
  });
});

describe("date ranges", () => {
  it("resolves presets in the zone and the previous period", () => {
    const now = new Date("2026-03-08T03:30:00Z"); // still 2026-03-07 in New York
    expect(presetDates("TODAY", "America/New_York", now)).toEqual({ from: "2026-03-07", to: "2026-03-07" });
    expect(presetDates("LAST_7_DAYS", "UTC", now)).toEqual({ from: "2026-03-02", to: "2026-03-08" });
    expect(previousDates("2026-03-02", "2026-03-08")).toEqual({ from: "2026-02-23", to: "2026-03-01" });
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
  });
});

describe("attribution", () => {
  const at = new Date("2026-08-10T12:00:00Z");
  const touch = (days: number) => ({ key: String(days), at: new Date(at.getTime() - days * 86_400_000) });
  it("time decay 1/(1+d) gives the spec's 16/28/56", () => {
    const w = weights("TIME_DECAY", [touch(6), touch(3), touch(1)], at);
    expect(w.map((x) => x.toFixed(4))).toEqual(["0.1600", "0.2800", "0.5600"]);
  });
  it("splits cents so shares add up", () => {
    const parts = splitCents(new Decimal("100"), weights("LINEAR", [touch(3), touch(2), touch(1)], at));
    expect(parts.map((p) => p.toFixed(2))).toEqual(["33.33", "33.33", "33.34"]);
    expect(splitCents(new Decimal("0.01"), weights("LINEAR", [touch(2), touch(1)], at)).map((p) => p.toFixed(2))).toEqual(["0.00", "0.01"]);
  });
});

describe("funnels and statistics", () => {
  it("computes rates between steps", () => {
    const rows = funnelRows([
      { step: 1, name: "a", count: 10_000 },
      { step: 2, name: "b", count: 3_500 },
      { step: 3, name: "c", count: 1_800 },
      { step: 4, name: "d", count: 1_200 },
    ]);
    expect(rows.map((r) => [r.pctOfFirst, r.pctOfPrevious])).toEqual([
      ["100.00", "100.00"],
      ["35.00", "35.00"],
      ["18.00", "51.43"],
      ["12.00", "66.67"],
    ]);
  });
  it("matches reference values of the normal CDF and the z-test", () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 15);
    expect(normalCdf(1.6449)).toBeCloseTo(0.9500047825316537, 13);
    expect(twoProportionZTest(30, 120, 18, 115)?.pValue).toBeCloseTo(0.07559837038886683, 13);
    expect(twoProportionZTest(0, 100, 0, 100)).toEqual({ z: 0, pValue: 1, confidence: 0 });
  });
});

describe("rollup worker pacing", () => {
  it("rests the interval after short passes and nine times a long pass, so rebuilds take at most a tenth of the time", () => {
    expect(ROLLUP_MAX_SHARE).toBe(0.1);
    expect(restAfter(20, 5_000)).toBe(5_000);
    expect(restAfter(2_000, 5_000)).toBe(18_000);
    expect(restAfter(2_000, 5_000, 0.5)).toBe(5_000);
    for (const spent of [1, 500, 1_000, 60_000]) expect(spent / (spent + restAfter(spent, 5_000))).toBeLessThanOrEqual(0.1 + 1e-9);
  });
});
