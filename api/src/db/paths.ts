import path from "node:path";
import { fileURLToPath } from "node:url";

/** Repository root, from this file's place in api/src/db (or api/dist when bundled). */
const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, here.includes(`${path.sep}dist`) ? "../.." : "../../..");
export const prismaDir = path.join(repoRoot, "prisma");
export const migrationsDir = path.join(prismaDir, "migrations");
export const schemaPath = path.join(prismaDir, "schema.prisma");
