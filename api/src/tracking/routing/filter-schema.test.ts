import { describe, expect, it } from "vitest";
import { flowFiltersSchema } from "./filter-schema.js";

describe("flow filter schema", () => {
  it("normalises values per field", () => {
    const r = flowFiltersSchema.parse([
      { field: "country", operator: "in", value: "us, ca,gb" },
      { field: "device", operator: "equals", value: "Mobile" },
      { field: "day_of_week", operator: "not_in", value: ["Saturday", "sun"] },
      { field: "time_of_day", operator: "between", value: "22:00-06:00" },
      { field: "ip", operator: "in", value: ["203.0.113.0/24", "2001:db8::1"] },
    ]);
    expect(r).toEqual([
      { field: "country", operator: "in", value: ["US", "CA", "GB"] },
      { field: "device", operator: "equals", value: "mobile" },
      { field: "day_of_week", operator: "not_in", value: ["sat", "sun"] },
      { field: "time_of_day", operator: "between", value: "22:00-06:00" },
      { field: "ip", operator: "in", value: ["203.0.113.0/24", "2001:db8::1"] },
    ]);
  });

  it("names the operators a field accepts and what a value must look like", () => {
    const r = flowFiltersSchema.safeParse([
      { field: "country", operator: "contains", value: "U" },
      { field: "ip", operator: "in", value: "not-an-ip" },
      { field: "time_of_day", operator: "between", value: "9-5" },
      { field: "planet", operator: "equals", value: "mars" },
      { field: "os", operator: "equals", value: "Windows,Linux" },
    ]);
    expect(r.success).toBe(false);
    const issues = r.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];
    expect(issues).toEqual([
      "0.operator: country accepts equals, not_equals, in, not_in",
      "1.value: must be IP addresses or CIDR ranges such as 203.0.113.0/24",
      '2.value: must be one range "HH:MM-HH:MM", e.g. "09:00-17:30" or "22:00-06:00"',
      expect.stringMatching(/^3\.field: must be one of country, region/),
      "4.value: equals takes one value; use in / not_in for several",
    ]);
  });
});
