import pino from "pino";
import { describe, expect, it } from "vitest";
import { boundedStop } from "./shutdown.js";

describe("boundedStop", () => {
  it("waits for a step, reports a failing one, and gives up on one that never finishes", async () => {
    const lines: string[] = [];
    const logger = pino({ level: "warn" }, { write: (l: string) => void lines.push(l) });
    expect(await boundedStop(logger, "quick", () => new Promise((r) => setTimeout(r, 5)), 1_000)).toBe("done");
    expect(await boundedStop(logger, "broken", () => Promise.reject(new Error("boom")), 1_000)).toBe("failed");
    const started = Date.now();
    expect(await boundedStop(logger, "stuck", () => new Promise(() => {}), 50)).toBe("timed out");
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(lines.join("")).toContain('"part":"broken"');
    expect(lines.join("")).toContain("did not finish in time");
  });
});
