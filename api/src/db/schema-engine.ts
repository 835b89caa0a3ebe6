// Prisma's schema engine compiled to WebAssembly, so migrations are created and applied without the native
// engine binary the CLI would download. The package entry imports the .wasm as an ES module, which Node
// refuses, so the module is instantiated here by hand (see ../shared/DESIGN.md, verified toolchain facts).
import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";

const require = createRequire(import.meta.url);

// Node has WebAssembly, but TypeScript only declares it in the DOM lib; this is the part used here.
interface WasmInstance {
  exports: Record<string, unknown>;
}
declare const WebAssembly: {
  compile(bytes: Uint8Array): Promise<object>;
  instantiate(module: object, imports: Record<string, unknown>): Promise<WasmInstance>;
};

type Bindings = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");
let bindingsPromise: Promise<Bindings> | undefined;

async function loadBindings(): Promise<Bindings> {
  const bg = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as Bindings & {
    __wbg_set_wasm(exports: WasmInstance["exports"]): void;
    __wbindgen_start?: () => void;
  };
  const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "schema_engine_bg.wasm");
  const module = await WebAssembly.compile(await readFile(wasmPath));
  const instance = await WebAssembly.instantiate(module, { "./schema_engine_bg.js": bg });
  // The engine reports a Rust panic's message through this global; without it a panic surfaces as a TypeError.
  const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };
  g.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message(message: string) {
      throw new Error(`schema engine panic: ${message}`);
    },
  };
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  return bg;
}

export async function openSchemaEngine(factory: SqlMigrationAwareDriverAdapterFactory, datamodel?: { path: string; content: string }): Promise<SchemaEngine> {
  bindingsPromise ??= loadBindings();
  const bg = await bindingsPromise;
  const logs: string[] = [];
  return bg.SchemaEngine.new(
    { datamodels: datamodel ? [[datamodel.path, datamodel.content]] : undefined },
    (line: string) => logs.push(line),
    bindMigrationAwareSqlAdapterFactory(factory),
  );
}

export const noFilters = { externalTables: [], externalEnums: [] };

/** Reads prisma/migrations the way the Prisma CLI does. */
export async function readMigrations(migrationsDir: string): Promise<MigrationList> {
  const entries = (await readdir(migrationsDir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const migrationDirectories = await Promise.all(
    entries.map(async (name) => {
      const file = path.join(migrationsDir, name, "migration.sql");
      const content = await readFile(file, "utf8").then(
        (ok) => ({ tag: "ok" as const, value: ok }),
        (err: Error) => ({ tag: "error" as const, value: err.message }),
      );
      return { path: name, migrationFile: { path: "migration.sql", content } };
    }),
  );
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  const lockContent = await readFile(lockPath, "utf8").catch(() => null);
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}
