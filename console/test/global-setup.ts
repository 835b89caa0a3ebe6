// Once per console-browser run: build the console into console/dist (what the api serves at /admin) unless the
// build is newer than every source file.
import { execFileSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.join(import.meta.dirname, "..");

function newest(dir: string): number {
  let max = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    max = Math.max(max, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return max;
}

export default function setup() {
  let built = 0;
  try {
    built = statSync(path.join(root, "dist", "index.html")).mtimeMs;
  } catch {
    /* not built */
  }
  const sources = Math.max(newest(path.join(root, "src")), statSync(path.join(root, "index.html")).mtimeMs);
  if (built > sources) return;
  execFileSync(path.join(root, "node_modules", ".bin", "vite"), ["build", "--logLevel", "warn"], { cwd: root, stdio: "inherit" });
}
