import { describe, expect, it } from "vitest";
import { moved } from "./order";

describe("moved", () => {
  it("swaps a flow with its neighbour", () => {
    expect(moved(["a", "b", "c"], 1, -1)).toEqual(["b", "a", "c"]);
    expect(moved(["a", "b", "c"], 1, 1)).toEqual(["a", "c", "b"]);
  });
  it("keeps the order at the ends and for a missing index, and never mutates its input", () => {
    const ids = ["a", "b", "c"];
    expect(moved(ids, 0, -1)).toEqual(ids);
    expect(moved(ids, 2, 1)).toEqual(ids);
    expect(moved(ids, 7, -1)).toEqual(ids);
    expect(ids).toEqual(["a", "b", "c"]);
  });
});
