// The console: a Vue 3 SPA served by the api at /admin (see api/src/app.ts serveConsole). Pages are lazy chunks.
import vue from "@vitejs/plugin-vue";
import { defineConfig } from "vite";

const api = process.env.TRACKILY_API_URL ?? "http://127.0.0.1:3000";

export default defineConfig({
  base: "/admin/",
  plugins: [vue()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // The build prints every chunk with its gzip size; scripts/size.mjs checks the initial-route budget.
    reportCompressedSize: true,
    manifest: true,
    chunkSizeWarningLimit: 300,
  },
  server: {
    proxy: {
      "/graphql": { target: api, ws: true, changeOrigin: true },
    },
  },
});
