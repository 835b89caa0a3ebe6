// One vitest run for the whole workspace, as projects. `pnpm test` runs them all.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    reporters: process.env.CI ? ["default", "junit"] : ["default"],
    outputFile: { junit: "test-results/junit.xml" },
    projects: [
      {
        test: {
          name: "api-unit",
          root: "api",
          include: ["src/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "**/*.pglite.test.ts"],
          environment: "node",
        },
      },
      {
        test: {
          name: "api-integration",
          root: "api",
          include: ["src/**/*.int.test.ts", "test/**/*.int.test.ts"],
          environment: "node",
          globalSetup: ["test/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Files run in parallel, each against its own cloned database.
          fileParallelism: true,
        },
      },
      {
        test: {
          name: "api-pglite",
          root: "api",
          include: ["test/**/*.pglite.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "pixel",
          root: "pixel",
          include: ["test/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        test: {
          name: "pixel-browser",
          root: "api",
          include: ["test/**/*.browser.test.ts"],
          environment: "node",
          globalSetup: ["test/global-setup.ts", "test/helpers/build-pixel.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      "console/vitest.config.ts",
      {
        test: {
          name: "console-browser",
          root: "console",
          include: ["test/**/*.browser.test.ts"],
          environment: "node",
          // A template database (api) and a built console (console/dist) once per run.
          globalSetup: ["../api/test/global-setup.ts", "test/global-setup.ts"],
          testTimeout: 90_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
