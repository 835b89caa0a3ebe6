import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePostback } from "./postback-params.js";
import { parseAmount } from "./record.js";
import { mapStatus } from "./status.js";

describe("postback parser", () => {
  it("never throws; accepted payouts are finite and non-negative", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.string())), (pairs) => {
        const r = parsePostback(pairs);
        if (r.ok && r.value.revenue !== undefined) {
          const a = parseAmount(r.value.revenue);
          if (a !== null) {
            expect(Number.isFinite(Number(a))).toBe(true);
            expect(Number(a)).toBeGreaterThanOrEqual(0);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("parseAmount: decimal strings only, rounded to 4 places without floats", () => {
    expect(parseAmount("12.5")).toBe("12.5");
    expect(parseAmount(" 12,50 ")).toBe("12.50");
    expect(parseAmount("0.123456")).toBe("0.1235");
    expect(parseAmount("9999999999.99995")).toBe("10000000000.0000");
    for (const bad of ["-1", "1e5", "NaN", "Infinity", "", "0x10", "1.2.3", "١٢"]) expect(parseAmount(bad), bad).toBeNull();
    fc.assert(
      fc.property(fc.string(), (s) => {
        const a = parseAmount(s);
        if (a !== null) expect(/^\d+(\.\d{1,4})?$/.test(a)).toBe(true);
      }),
    );
  });

  it("aliases are case-insensitive, the path key wins", () => {
    const r = parsePostback(
      [
        ["TrackID", "0190a5f0-0000-7000-8000-000000000000"],
        ["AMOUNT", "3"],
        ["key", "param"],
      ],
      "pathkey",
    );
    expect(r.ok && [r.value.clickId, r.value.revenue, r.value.key]).toEqual(["0190a5f0-0000-7000-8000-000000000000", "3", "pathkey"]);
  });

  it("maps the statuses of both documents", () => {
    expect(mapStatus("Pending")).toMatchObject({ status: "PENDING", placeholder: true });
    expect(mapStatus("trash")).toMatchObject({ status: "REJECTED", remove: true });
    expect(mapStatus("chargeback")).toMatchObject({ status: "REJECTED", ecom: "chargeback" });
    expect(mapStatus("sale")).toMatchObject({ status: "APPROVED", ecom: "sale" });
    expect(mapStatus("lead")).toMatchObject({ status: "APPROVED", ecom: "" });
  });
});
