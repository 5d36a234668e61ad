import path from "node:path";
import { defineConfig } from "vitest/config";
import { FORMAT_MESSAGE, SERVER_ONLY } from "./scripts/lib/module-aliases.mjs";

const root = path.dirname(new URL(import.meta.url).pathname);

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // As Next.js resolves them (scripts/lib/module-aliases.mjs).
      [SERVER_ONLY.specifier]: SERVER_ONLY.file,
      [FORMAT_MESSAGE.specifier]: FORMAT_MESSAGE.file,
    },
  },
  test: {
    // Processed by Vite (not loaded by Node directly) so that the alias above reaches them.
    server: { deps: { inline: ["next-intl", "use-intl"] } },
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" } },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/setup/integration-global.ts"],
          setupFiles: ["tests/setup/integration-db.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
