import { mkdtempSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { describe, expect, it } from "vitest";
import type { ClickRow } from "./rows.js";
import { ClickWriter } from "./writer.js";

const row = (id: string, sub1 = ""): ClickRow =>
  ({ id, campaignId: "c", visitorId: "v", sub1, params: {}, fraudReasons: [], cost: "0" }) as unknown as ClickRow;

describe("ClickWriter", () => {
  it("group-commits, spools while the database is down, replays once, and sets a refused row aside", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "writer-"));
    let up = true;
    const committed: string[] = [];
    let statements = 0;
    const w = new ClickWriter({
      spoolDir: dir,
      sessionMs: 1000,
      logger: pino({ level: "silent" }),
      ping: async () => up,
      exec: async (_text, values) => {
        if (!up) throw new Error("connection refused");
        const ids = String(values[0]).slice(1, -1).split(",").filter(Boolean);
        if (String(values[24]).includes("poison")) throw new Error("invalid input");
        statements++;
        committed.push(...ids);
      },
    });
    const touch = (id: string) => ({ id: "v", at: Date.now(), clickId: id, visits: 1 });
    await Promise.all(["a", "b", "c"].map((id) => w.addClick(row(id), touch(id), null)));
    expect(committed).toEqual(["a", "b", "c"]);
    expect(statements).toBe(1); // one batch for three concurrent clicks
    up = false;
    await Promise.all([w.addClick(row("d"), touch("d"), null), w.addClick(row("e", "poison"), touch("e"), null), w.addClick(row("f"), touch("f"), null)]);
    expect(w.stats.mode).toBe("spool");
    expect(committed).toEqual(["a", "b", "c"]);
    up = true;
    await w.replay();
    expect(committed.sort()).toEqual(["a", "b", "c", "d", "f"]);
    expect(w.stats.mode).toBe("db");
    expect(readdirSync(dir).filter((f) => f.startsWith("spool-rejected-"))).toHaveLength(1);
    expect(readdirSync(dir).filter((f) => f.startsWith("spool-1"))).toHaveLength(0);
    await w.addClick(row("g"), touch("g"), null);
    expect(committed).toContain("g");
    await w.stop();
  });
});
