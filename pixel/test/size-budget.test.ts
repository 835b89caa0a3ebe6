// The size budget is part of the build: over budget, `pnpm build` fails.
import { execFile } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const pixelDir = path.resolve(import.meta.dirname, "..");

async function build(budget: number, outDir: string) {
  return run("pnpm", ["exec", "rollup", "-c", "--failAfterWarnings"], {
    cwd: pixelDir,
    env: { ...process.env, PIXEL_BUDGET_BYTES: String(budget), PIXEL_OUT_DIR: outDir },
  });
}

describe("size budget", () => {
  it("builds pixel.js within 2 KB min+gz", async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), "pixel-build-"));
    await build(2048, out);
    const js = await readFile(path.join(out, "pixel.js"));
    expect(gzipSync(js, { level: 9 }).length).toBeLessThanOrEqual(2048);
    expect(js.toString()).toContain('"__TLY_COOKIE_DAYS__"');
    expect(js.toString()).not.toMatch(/\bimport\b|\brequire\(/);
  }, 60_000);

  it("fails the build when the budget is exceeded", async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), "pixel-build-"));
    await expect(build(500, out)).rejects.toThrow(/over the 500 byte budget/);
  }, 60_000);
});
