// Browser tests drive Chromium against a production build (`npm test` builds it and seeds the
// database named by E2E_DATABASE_URL). Debian's /usr/bin/chromium is used where present,
// since downloading Playwright's own browser is not possible on every machine.
import { defineConfig, devices } from "@playwright/test";
import { serveCommandLine, serveEnv } from "./scripts/lib/serve-command";
import { chromiumLaunchOptions } from "./tests/setup/chromium";

const PORT = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  // Generous for a busy 2-core machine; assertions wait on what the page says, not on time.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: chromiumLaunchOptions,
  },
  projects: [{ name: "desktop", use: { ...devices["Desktop Chrome"], locale: "zh-CN" } }],
  webServer: {
    command: serveCommandLine,
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
      NEXTAUTH_SECRET: "e2e-secret-not-for-production-0123456789",
      NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
      ...serveEnv(PORT),
    },
  },
});
