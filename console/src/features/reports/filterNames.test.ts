import { describe, expect, it } from "vitest";
import { filterLabel, idsByDimension } from "./filterNames";

const C = "0196f3a2-7c1e-7d3a-9b2e-1a2b3c4d5e6f";
const O = "0196f3a2-7c1e-7d3a-9b2e-aaaaaaaaaaaa";

describe("report filter chips", () => {
  it("show the entity's name for id dimensions, a short id while it is unknown, other values as they are", () => {
    const names = new Map([[C, "Summer push"]]);
    expect(filterLabel("campaign", C, names)).toBe("Summer push");
    expect(filterLabel("offer", O, names)).toBe("0196f3a2…");
    expect(filterLabel("country", "US", names)).toBe("US");
    expect(filterLabel("sub1", C, names)).toBe(C);
    expect(filterLabel("campaign", "", names)).toBe("(none)");
  });

  it("collect each kind's ids once and skip values that are not UUIDs", () => {
    const ids = idsByDimension([
      { dimension: "campaign", value: C },
      { dimension: "campaign", value: C },
      { dimension: "offer", value: O },
      { dimension: "landing", value: "" },
      { dimension: "source", value: "not-an-id" },
      { dimension: "country", value: "US" },
    ]);
    expect(ids).toEqual({ campaign: [C], offer: [O], landing: [], source: [], flow: [] });
  });
});
