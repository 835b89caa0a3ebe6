import { describe, expect, it } from "vitest";
import { editInput, NOTE_MAX } from "./edit";

const blank = { status: "", revenue: "", currency: "", note: "" };

describe("editInput", () => {
  it("sends only what the operator filled in, trimmed, the currency upper-cased", () => {
    expect(editInput("c1", { ...blank, status: "rejected" })).toEqual({ input: { id: "c1", status: "rejected" }, errors: null });
    expect(editInput("c1", { status: "", revenue: " 20.5 ", currency: "eur", note: " raised by the network " })).toEqual({
      input: { id: "c1", revenue: "20.5", currency: "EUR", note: "raised by the network" },
      errors: null,
    });
    expect(editInput("c1", { ...blank, revenue: "0" }).input).toEqual({ id: "c1", revenue: "0" });
    expect(editInput("c1", { ...blank, revenue: "12.3456" }).input).toEqual({ id: "c1", revenue: "12.3456" });
  });

  it("wants a status or a revenue", () => {
    expect(editInput("c1", { ...blank, note: "only a note" }).errors).toEqual({ status: expect.stringMatching(/status or .*revenue/) });
  });

  it("refuses a negative, non-numeric or over-precise revenue next to the revenue", () => {
    for (const bad of ["-1", "abc", "1.23456", "1,5", "1e3", ".", "12345678901"]) {
      expect(editInput("c1", { ...blank, revenue: bad }).errors, bad).toEqual({ revenue: expect.stringMatching(/non-negative .*4 decimals/) });
    }
  });

  it("refuses a malformed currency, and a currency without a revenue", () => {
    expect(editInput("c1", { ...blank, revenue: "1", currency: "EURO" }).errors).toEqual({ currency: expect.stringMatching(/3-letter/) });
    expect(editInput("c1", { ...blank, status: "approved", currency: "EUR" }).errors).toEqual({ currency: expect.stringMatching(/with a revenue/) });
  });

  it("keeps the note within the limit", () => {
    expect(editInput("c1", { ...blank, status: "approved", note: "x".repeat(NOTE_MAX) }).errors).toBeNull();
    expect(editInput("c1", { ...blank, status: "approved", note: "x".repeat(NOTE_MAX + 1) }).errors).toEqual({ note: expect.stringMatching(/At most 500/) });
  });
});
