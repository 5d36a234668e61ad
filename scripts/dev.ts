// `npm run dev`: PostgreSQL (embedded under ./data unless DATABASE_URL is set), migrations,
// templates and demo data, then the Next.js dev server.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { seedDemo, DEMO_LOGINS } from "../prisma/seed";
import { startDatabaseServer } from "./lib/database-server";
import { migrateDatabase } from "./lib/migrate";
import { DEV_DATABASE } from "./lib/dev-database";
import { devSecret } from "./lib/dev-secret";
import { nodeOptionsWithPeerAddress } from "./lib/peer-address-option";

const port = Number(process.env.PORT ?? 3000);

async function main() {
  const started = Date.now();
  const server = await startDatabaseServer(DEV_DATABASE);
  console.log(
    server.embedded ? `Embedded PostgreSQL running (data in ${DEV_DATABASE.dataDir}).` : "Using DATABASE_URL.",
  );
  const applied = await migrateDatabase(server.url);
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  console.log(await seedDemo(server.url));
  console.log(`Database ready in ${((Date.now() - started) / 1000).toFixed(1)} s.`);

  const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
  const child = spawn(process.execPath, [nextBin, "dev", "--port", String(port)], {
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: server.url,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? devSecret(),
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_OPTIONS: nodeOptionsWithPeerAddress(),
    },
  });
  const login = DEMO_LOGINS[0];
  console.log(`\n  App:          http://localhost:${port}`);
  console.log(`  Demo login:   ${login.email} / ${login.password} (also owner@example.org, viewer@example.org)\n`);

  const shutdown = async () => {
    child.kill("SIGTERM");
    await server.stop();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  child.on("exit", async (code) => {
    await server.stop();
    process.exit(code ?? 0);
  });
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
