// Prints the initial JavaScript of the login and dashboard routes (entry + static imports + the page chunk),
// gzipped, and fails the build when either is over the 200 KB budget (issue #7).
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const BUDGET = 200 * 1024;
const dist = path.join(import.meta.dirname, "..", "dist");
const manifest = JSON.parse(readFileSync(path.join(dist, ".vite", "manifest.json"), "utf8"));

function closure(key, seen = new Set()) {
  const chunk = manifest[key];
  if (!chunk || seen.has(key)) return seen;
  seen.add(key);
  for (const k of chunk.imports ?? []) closure(k, seen);
  return seen;
}
const gz = (keys) => [...keys].reduce((n, k) => n + gzipSync(readFileSync(path.join(dist, manifest[k].file))).length, 0);

const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
let failed = false;
for (const [route, page] of [
  ["login", "src/pages/LoginPage.vue"],
  ["dashboard", "src/pages/dashboard/DashboardPage.vue"],
]) {
  const keys = closure(entry);
  if (manifest[page]) closure(page, keys);
  const size = gz(keys);
  const ok = size <= BUDGET;
  failed ||= !ok;
  console.log(`initial JS for /${route}: ${(size / 1024).toFixed(1)} KB gzipped (budget 200 KB) ${ok ? "ok" : "OVER BUDGET"}`);
}
if (failed) process.exit(1);
