// The console's component and composable tests (project `console-unit`), in happy-dom. The end-to-end tests in
// real Chromium are the `console-browser` project of the root vitest.config.ts.
import vue from "@vitejs/plugin-vue";
import { defineProject } from "vitest/config";

export default defineProject({
  plugins: [vue()],
  test: {
    name: "console-unit",
    root: import.meta.dirname,
    include: ["src/**/*.test.ts"],
    environment: "happy-dom",
  },
});
