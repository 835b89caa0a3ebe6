// prisma generate without the native schema engine: generate never runs it, but the CLI insists the binary
// exists, so point it at any existing file (see ../shared/DESIGN.md). Runs on install (root postinstall).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";

const api = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? path.join(api, "package.json"),
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
const bin = path.join(api, "node_modules", ".bin", process.platform === "win32" ? "prisma.cmd" : "prisma");
const r = spawnSync(bin, ["generate", "--schema", "../prisma/schema.prisma"], { cwd: api, env, stdio: "inherit" });
process.exit(r.status ?? 1);
