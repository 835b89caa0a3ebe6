// Once per pixel-browser run: builds pixel/dist/pixel.js (the api serves it from there), unless it is current.
import { execFileSync } from "node:child_process";
import { statSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const pixelDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../pixel");

export default function setup() {
  const src = path.join(pixelDir, "src");
  const newest = Math.max(...readdirSync(src).map((f) => statSync(path.join(src, f)).mtimeMs));
  let built = 0;
  try {
    built = statSync(path.join(pixelDir, "dist", "pixel.js")).mtimeMs;
  } catch {}
  if (built < newest) execFileSync("pnpm", ["run", "build"], { cwd: pixelDir, stdio: "inherit" });
}
