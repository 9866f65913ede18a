import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const apiTarget = "http://localhost:3000";

// The web app lives in web/; the server serves the build from dist/web (SPA fallback to index.html).
// Two entries: the staff app (web/index.html) and the beneficiary portal (web/portal/index.html,
// served at /p/<association>/…), which shares no code of the staff app's but the libraries.
export default defineConfig({
  root: fileURLToPath(new URL("./web", import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL("./dist/web", import.meta.url)),
    emptyOutDir: true,
    rollupOptions: {
      input: {
        staff: fileURLToPath(new URL("./web/index.html", import.meta.url)),
        portal: fileURLToPath(new URL("./web/portal/index.html", import.meta.url)),
      },
    },
  },
  server: {
    proxy: {
      "/api": apiTarget,
      "/healthz": apiTarget,
    },
  },
});
