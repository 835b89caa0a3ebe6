import { describe, expect, it } from "vitest";
import { CombinedError } from "@urql/core";
import { fieldErrorLookup, formMessage, queryResult } from "./errors";

describe("formMessage", () => {
  const o = (fieldErrors: Record<string, string>) => ({ message: "Some fields need attention.", fieldErrors });
  it("keeps the general message when every error has its field", () => {
    expect(formMessage(o({ slug: "taken", "offers.0.weight": "too big" }), new Set(["slug", "offers"]))).toBe("Some fields need attention.");
  });
  it("spells out the errors no field on screen can show", () => {
    expect(formMessage(o({ slug: "taken", template: "Invalid option" }), new Set(["slug"]))).toBe("template: Invalid option");
  });
});

describe("fieldErrorLookup", () => {
  it("finds an error by key or by a path under it, and records what the form asked for", () => {
    const errors = { value: { "filters.1.values": "empty", name: "required" } };
    const { err, shown } = fieldErrorLookup(errors);
    expect(err("name")).toBe("required");
    expect(err("filters")).toBe("empty");
    expect(err("status")).toBeNull();
    expect([...shown]).toEqual(["name", "filters", "status"]);
  });
});

describe("queryResult", () => {
  type R =
    | { __typename: "QueryXSuccess"; data: { n: number } }
    | { __typename: "UpstreamError"; message: string }
    | { __typename: "ValidationError"; message: string; fields: Array<{ path: string; message: string }> };
  it("gives the success data, or the API's words for a typed error, and nothing while loading", () => {
    expect(queryResult<R>(undefined, undefined)).toEqual({ data: null, failure: null });
    expect(queryResult<R>(undefined, { __typename: "QueryXSuccess", data: { n: 3 } })).toEqual({ data: { n: 3 }, failure: null });
    expect(queryResult<R>(undefined, { __typename: "UpstreamError", message: "Everflow refused the key (HTTP 401)" })).toEqual({
      data: null,
      failure: "Everflow refused the key (HTTP 401)",
    });
    expect(
      queryResult<R>(undefined, { __typename: "ValidationError", message: "invalid", fields: [{ path: "networkId", message: "has no API key" }] }).failure,
    ).toBe("networkId: has no API key");
    expect(queryResult<R>(new CombinedError({ networkError: new Error("down") }), undefined).failure).toMatch(/Cannot reach/);
  });
});
