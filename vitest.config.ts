import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.dirname(new URL(import.meta.url).pathname);

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // `server-only` throws outside Next's server bundle; tests run server code in plain Node.
      "server-only": path.join(root, "tests/setup/server-only-stub.ts"),
      // As in next.config.js: next-intl formats messages compiled by lib/i18n/compile-messages.ts.
      "use-intl/format-message": path.join(
        root,
        "node_modules/use-intl/dist/esm/production/format-message/format-only.js",
      ),
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
