// Writes the printed GraphQL schema to api/schema.graphql; with --check, fails when the committed file is stale.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { lexicographicSortSchema, printSchema } from "graphql";
import { repoRoot } from "../src/db/paths.js";
import { schema } from "../src/graphql/schema.js";

const file = path.join(repoRoot, "api", "schema.graphql");
const printed = `${printSchema(lexicographicSortSchema(schema))}\n`;
if (process.argv.includes("--check")) {
  const current = await readFile(file, "utf8").catch(() => "");
  if (current !== printed) {
    console.error("api/schema.graphql is stale: run `pnpm codegen` and commit the result");
    process.exit(1);
  }
  console.log("api/schema.graphql is current");
} else {
  await writeFile(file, printed);
  console.log(`wrote api/schema.graphql (${printed.split("\n").length} lines)`);
}
