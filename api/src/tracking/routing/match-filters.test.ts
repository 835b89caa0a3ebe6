import { describe, expect, it } from "vitest";
import type { SnapCampaign, SnapFlow } from "../snapshot.js";
import { flowFiltersSchema } from "./filter-schema.js";
import { compileFilters, type FilterVisitor, localClock, matchesAll } from "./match-filters.js";
import { pickWeighted, selectFlow } from "./select.js";

const visitor = (over: Partial<FilterVisitor> = {}): FilterVisitor => ({
  country: "US",
  region: "California",
  city: "San Diego",
  device: "mobile",
  os: "Android",
  browser: "Chrome Mobile",
  language: "en",
  isp: "Comcast Cable",
  ip: "203.0.113.9",
  sub1: "zoneA",
  sub2: "",
  sub3: "",
  sub4: "",
  sub5: "",
  referrer: "https://news.example.org/x",
  referrer_domain: "news.example.org",
  source_click_id: "abc123",
  // Wednesday 2026-11-18 14:30 UTC
  now: Date.UTC(2026, 10, 18, 14, 30),
  ...over,
});

const match = (filters: unknown[], v = visitor(), tz = "UTC") => matchesAll(compileFilters(flowFiltersSchema.parse(filters)), v, tz);

describe("flow filters", () => {
  it.each([
    [{ field: "country", operator: "equals", value: "us" }, true],
    [{ field: "country", operator: "not_equals", value: "US" }, false],
    [{ field: "country", operator: "in", value: ["CA", "US"] }, true],
    [{ field: "country", operator: "not_in", value: "CA,GB" }, true],
    [{ field: "region", operator: "contains", value: "calif" }, true],
    [{ field: "city", operator: "not_contains", value: "diego" }, false],
    [{ field: "device", operator: "equals", value: "Mobile" }, true],
    [{ field: "device", operator: "not_equals", value: "desktop" }, true],
    [{ field: "os", operator: "equals", value: "android" }, true],
    [{ field: "os", operator: "contains", value: "droid" }, true],
    [{ field: "os", operator: "in", value: ["iOS", "Android"] }, true],
    [{ field: "browser", operator: "equals", value: "Chrome" }, false],
    [{ field: "browser", operator: "contains", value: "chrome" }, true],
    [{ field: "language", operator: "equals", value: "en" }, true],
    [{ field: "language", operator: "in", value: ["fr", "de"] }, false],
    [{ field: "isp", operator: "contains", value: "comcast" }, true],
    [{ field: "ip", operator: "in", value: ["203.0.113.0/24"] }, true],
    [{ field: "ip", operator: "not_in", value: ["203.0.113.9"] }, false],
    [{ field: "sub1", operator: "equals", value: "ZONEA" }, true],
    [{ field: "sub2", operator: "equals", value: "x" }, false],
    [{ field: "referrer", operator: "contains", value: "news." }, true],
    [{ field: "referrer_domain", operator: "not_in", value: ["news.example.org"] }, false],
    [{ field: "source_click_id", operator: "not_contains", value: "zzz" }, true],
    [{ field: "time_of_day", operator: "between", value: "14:00-15:00" }, true],
    [{ field: "time_of_day", operator: "not_between", value: "14:00-15:00" }, false],
    [{ field: "time_of_day", operator: "between", value: "22:00-06:00" }, false],
    [{ field: "day_of_week", operator: "in", value: ["wed"] }, true],
    [{ field: "day_of_week", operator: "not_in", value: ["wed", "thu"] }, false],
  ])("%o -> %s", (filter, expected) => {
    expect(match([filter])).toBe(expected);
  });

  it("evaluates time filters in the campaign's time zone, wrapping midnight", () => {
    // 14:30 UTC is 23:30 in Tokyo (Wednesday) and 06:30 in Los Angeles.
    expect(localClock(visitor().now, "Asia/Tokyo")).toEqual({ minutes: 23 * 60 + 30, day: "wed" });
    expect(match([{ field: "time_of_day", operator: "between", value: "22:00-06:00" }], visitor(), "Asia/Tokyo")).toBe(true);
    expect(match([{ field: "time_of_day", operator: "between", value: "06:00-07:00" }], visitor(), "America/Los_Angeles")).toBe(true);
    expect(match([{ field: "day_of_week", operator: "in", value: ["thu"] }], visitor({ now: Date.UTC(2026, 10, 18, 16) }), "Asia/Tokyo")).toBe(true);
  });

  it("requires every filter to match", () => {
    expect(
      match([
        { field: "country", operator: "equals", value: "US" },
        { field: "device", operator: "equals", value: "desktop" },
      ]),
    ).toBe(false);
    expect(match([])).toBe(true);
  });
});

const flow = (id: string, type: SnapFlow["type"], weight: number, filters: unknown[] = []): SnapFlow => ({
  id,
  type,
  weight,
  filters: compileFilters(flowFiltersSchema.parse(filters)),
  binding: "NONE",
  landings: [],
  offers: [],
});
const campaign = (flows: SnapFlow[]): SnapCampaign =>
  ({
    timezone: "UTC",
    forced: flows.filter((f) => f.type === "FORCED"),
    regular: flows.filter((f) => f.type === "REGULAR"),
    defaultFlow: flows.find((f) => f.type === "DEFAULT") ?? null,
  }) as SnapCampaign;

describe("flow selection", () => {
  it("forced beats regular beats default, and filters decide", () => {
    const c = campaign([
      flow("forced", "FORCED", 100, [{ field: "country", operator: "equals", value: "CA" }]),
      flow("regular", "REGULAR", 100, [{ field: "device", operator: "equals", value: "mobile" }]),
      flow("default", "DEFAULT", 100),
    ]);
    expect(selectFlow(c, visitor({ country: "CA" }))?.id).toBe("forced");
    expect(selectFlow(c, visitor())?.id).toBe("regular");
    expect(selectFlow(c, visitor({ device: "desktop" }))?.id).toBe("default");
    expect(selectFlow(campaign([]), visitor())).toBeNull();
  });

  it("splits matching regular flows by weight (10,000 selections)", () => {
    const c = campaign([
      flow("a", "REGULAR", 100),
      flow("b", "REGULAR", 50),
      flow("x", "REGULAR", 1000, [{ field: "country", operator: "equals", value: "FR" }]),
    ]);
    const n = { a: 0, b: 0 } as Record<string, number>;
    for (let i = 0; i < 10_000; i++) {
      const id = selectFlow(c, visitor())?.id as string;
      n[id] = (n[id] ?? 0) + 1;
    }
    expect(Object.keys(n).sort()).toEqual(["a", "b"]);
    // Expected 6,667 / 3,333; sd ~47, so +-250 is over 5 sd.
    expect(Math.abs((n.a as number) - 6667)).toBeLessThan(250);
  });

  it("weighted lander/offer picks follow weights and skip excluded items", () => {
    const items = [
      { item: "A", weight: 100 },
      { item: "B", weight: 50 },
    ];
    let a = 0;
    for (let i = 0; i < 10_000; i++) if (pickWeighted(items) === "A") a++;
    expect(Math.abs(a - 6667)).toBeLessThan(250);
    expect(pickWeighted(items, Math.random, (x) => x !== "A")).toBe("B");
    expect(pickWeighted(items, Math.random, () => false)).toBeNull();
  });
});
