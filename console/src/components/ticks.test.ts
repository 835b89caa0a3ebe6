import { describe, expect, it } from "vitest";
import { bucketTicks } from "./ticks";

describe("bucketTicks", () => {
  it("labels every bucket when they fit, each once", () => {
    expect(bucketTicks(7, 10)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
  it("spaces labels evenly when there are more buckets than room", () => {
    expect(bucketTicks(30, 8)).toEqual([0, 4, 8, 12, 16, 20, 24, 28]);
    expect(bucketTicks(24, 5)).toEqual([0, 5, 10, 15, 20]);
  });
  it("handles no buckets, and labels only the first when there is no room", () => {
    expect(bucketTicks(0, 5)).toEqual([]);
    expect(bucketTicks(3, 0)).toEqual([0]);
  });
});
