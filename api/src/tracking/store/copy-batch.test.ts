import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clickLine, parseClickLine } from "./copy-batch.js";
import type { ClickRow } from "./rows.js";

// Text that COPY's format gives a meaning to (tab, newline, carriage return, backslash, \N) comes up often.
const text = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom("", "\\N", "\\", "\t", "\n\r", "\\t", '"{a,b}"', "a\\\\Nb"),
  fc.array(fc.constantFrom("\\", "\t", "\n", "\r", "N", '"', "{", ",", "x"), { maxLength: 12 }).map((a) => a.join("")),
);
const uuid = fc.uuid();
const time = fc.integer({ min: 0, max: 4_102_444_800_000 });

const clickRow: fc.Arbitrary<ClickRow> = fc
  .record({
    id: uuid,
    campaignId: uuid,
    flowId: fc.option(uuid),
    landingId: fc.option(uuid),
    offerId: fc.option(uuid),
    sourceId: fc.option(uuid),
    visitorId: uuid,
    createdAt: time,
    outcome: fc.constantFrom("ROUTED", "BOT_BLOCKED", "CAPPED", "FALLBACK") as fc.Arbitrary<ClickRow["outcome"]>,
    ip: text,
    country: text,
    region: text,
    city: text,
    isp: text,
    asn: fc.option(fc.integer({ min: 0, max: 2 ** 31 - 1 })),
    os: text,
    osVersion: text,
    browser: text,
    browserVersion: text,
    deviceType: text,
    language: text,
    userAgent: text,
    referrer: text,
    referrerDomain: text,
    sub1: text,
    sub2: text,
    sub3: text,
    sub4: text,
    sub5: text,
    sourceClickId: text,
    extCampaignId: text,
    extAdSetId: text,
    extAdId: text,
    extPlacement: text,
    params: fc.dictionary(text, text, { maxKeys: 4 }),
    cost: fc.constantFrom("0", "0.07", "12.345678"),
    costSource: fc.constantFrom("0", "1.5"),
    costCurrency: fc.constantFrom("", "USD", "EUR"),
    isUnique: fc.boolean(),
    isBot: fc.boolean(),
    fraudScore: fc.integer({ min: 0, max: 100 }),
    fraudReasons: fc.array(text, { maxLength: 3 }),
    landingClickedAt: fc.option(time),
  })
  .map((r) => ({ ...r, params: { ...r.params } }));

describe("click COPY lines", () => {
  it("parseClickLine gives back exactly the row clickLine wrote", () => {
    fc.assert(
      fc.property(clickRow, (row) => {
        expect(parseClickLine(clickLine(row))).toEqual(row);
      }),
      { numRuns: 500 },
    );
  });

  it("a row written before the cost-source columns existed comes back without them", () => {
    const row = fc.sample(clickRow, { numRuns: 1, seed: 7 })[0] as ClickRow;
    delete row.costSource;
    row.costCurrency = "";
    expect(parseClickLine(clickLine(row))).toEqual(row);
  });

  it("writes each row's own time when times repeat and alternate (the last one is remembered)", () => {
    const row = fc.sample(clickRow, { numRuns: 1, seed: 11 })[0] as ClickRow;
    for (const at of [0, 0, 1_700_000_000_123, 0, 1_700_000_000_123, 1_700_000_000_124]) {
      expect(parseClickLine(clickLine({ ...row, createdAt: at, landingClickedAt: at + 1 }))).toMatchObject({ createdAt: at, landingClickedAt: at + 1 });
    }
  });

  it("refuses a line that is not a click row", () => {
    expect(() => parseClickLine("a\tb\n")).toThrow(/2 fields, not 43/);
  });
});
