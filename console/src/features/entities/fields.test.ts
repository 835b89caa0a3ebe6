import { describe, expect, it } from "vitest";
import { balanceWeights, shares } from "../campaigns/balance";
import { type FieldDef, formFromRow, parseGeoPayouts, toInput, validate } from "./fields";

const fields: FieldDef[] = [
  { key: "name", label: "Name", required: true },
  { key: "dailyCap", label: "Daily cap", type: "int" },
  { key: "payout", label: "Payout", type: "decimal" },
  { key: "geoPayouts", label: "Geo", type: "geoPayouts" },
  { key: "allowedIps", label: "IPs", type: "list" },
  { key: "apiKey", label: "Key", type: "password" },
];

describe("entity fields", () => {
  it("validates before sending", () => {
    const e = validate(fields, { name: "", dailyCap: "1.5", payout: "abc", geoPayouts: "USA 2" }, true);
    expect(Object.keys(e).sort()).toEqual(["dailyCap", "geoPayouts", "name", "payout"]);
  });
  it("maps the form to the API input and back", () => {
    const form = formFromRow(fields, {
      name: "A",
      dailyCap: null,
      payout: "2.50",
      geoPayouts: [{ country: "US", payout: "3", currency: "USD" }],
      allowedIps: ["1.2.3.4"],
    });
    expect(form).toMatchObject({ name: "A", dailyCap: "", payout: "2.50", geoPayouts: "US 3 USD", allowedIps: "1.2.3.4", apiKey: "" });
    const input = toInput(fields, { ...form, geoPayouts: "us 3\nDE 1.8 eur", apiKey: "" }, false);
    expect(input).toEqual({
      name: "A",
      payout: "2.50",
      geoPayouts: [
        { country: "US", payout: "3" },
        { country: "DE", payout: "1.8", currency: "EUR" },
      ],
      allowedIps: ["1.2.3.4"],
    });
    expect(parseGeoPayouts("")).toEqual([]);
  });
  it("balances weights to 100 and reports shares", () => {
    expect(balanceWeights(3)).toEqual([34, 33, 33]);
    expect(balanceWeights(0)).toEqual([]);
    expect(shares([1, 3])).toEqual([25, 75]);
  });
});
