import { readFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "./db/paths.js";

export const VERSION: string = (() => {
  try {
    return (JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "0.0.0";
  }
})();
