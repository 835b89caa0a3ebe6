import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mulDecimal } from "./decimal.js";

describe("mulDecimal", () => {
  it.each([
    ["0.05", "1.0870000000", 6, "0.05435"],
    ["0.1234", "1.087", 6, "0.134136"],
    ["0.0000005", "1", 6, "0.000001"],
    ["0.0000004", "1", 6, "0"],
    ["2", "0.5", 0, "1"],
    ["99999999.999999", "1", 6, "99999999.999999"],
    ["0", "16250.5", 6, "0"],
    ["12", "3", 2, "36"],
  ])("%s x %s to %i places = %s", (a, b, scale, out) => {
    expect(mulDecimal(a, b, scale)).toBe(out);
  });

  it("refuses what is not a plain non-negative decimal", () => {
    for (const bad of ["-1", "1e-7", "", ".5", "1.", "NaN", " 1"]) expect(() => mulDecimal(bad, "1", 6)).toThrow(RangeError);
  });

  it("agrees with integer arithmetic on cents x whole rates", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 100_000 }), (cents, rate) => {
        const a = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
        const product = BigInt(cents) * BigInt(rate);
        const expected = `${product / 100n}${
          product % 100n
            ? `.${String(product % 100n)
                .padStart(2, "0")
                .replace(/0+$/, "")}`
            : ""
        }`;
        expect(mulDecimal(a, String(rate), 6)).toBe(expected);
      }),
    );
  });
});
