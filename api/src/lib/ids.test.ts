import { describe, expect, it } from "vitest";
import { isUuid, newId } from "./ids.js";

describe("newId", () => {
  it("gives distinct, valid, increasing UUIDv7s across several refills of the random pool", () => {
    const ids = Array.from({ length: 2000 }, () => newId());
    expect(new Set(ids).size).toBe(ids.length);
    for (const [i, id] of ids.entries()) {
      expect(isUuid(id)).toBe(true);
      expect(id[14]).toBe("7");
      expect("89ab").toContain(id[19]);
      if (i > 0) expect(id > (ids[i - 1] as string)).toBe(true);
    }
  });

  it("carries the current time in its first 48 bits", () => {
    const before = Date.now();
    const id = newId();
    const ms = Number.parseInt(id.replaceAll("-", "").slice(0, 12), 16);
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(Date.now() + 1);
  });
});
