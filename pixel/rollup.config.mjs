// pixel.js: one IIFE for <script> tags, plus an ESM build for bundlers. The IIFE has a hard size budget; the build
// fails when the minified and gzipped file exceeds it.
import { gzipSync } from "node:zlib";
import terser from "@rollup/plugin-terser";
import typescript from "@rollup/plugin-typescript";

export const BUDGET_BYTES = Number(process.env.PIXEL_BUDGET_BYTES || 2048);
const OUT = process.env.PIXEL_OUT_DIR || "dist";

/** Fails the build when an emitted chunk is larger than `budget` bytes once gzipped. */
export function sizeBudget(budget) {
  return {
    name: "size-budget",
    generateBundle(_opts, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== "chunk") continue;
        const size = gzipSync(chunk.code, { level: 9 }).length;
        if (size > budget) this.error(`${chunk.fileName} is ${size} bytes min+gz, over the ${budget} byte budget`);
        this.info?.(`${chunk.fileName}: ${size} bytes min+gz (budget ${budget})`);
      }
    },
  };
}

const ts = () => typescript({ tsconfig: "./tsconfig.build.json" });
const min = () => terser({ ecma: 2017, compress: { passes: 2 }, format: { comments: false } });

export default [
  {
    input: "src/index.ts",
    output: { file: `${OUT}/pixel.js`, format: "iife", strict: false },
    plugins: [ts(), min(), sizeBudget(BUDGET_BYTES)],
  },
  {
    input: "src/esm.ts",
    output: { file: `${OUT}/pixel.esm.js`, format: "es" },
    plugins: [ts(), min()],
  },
];
