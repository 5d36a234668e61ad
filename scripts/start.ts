// `npm start` (production, used by the Docker image): apply pending migrations, optionally load
// the demo data (SEED_DEMO=true), then serve the built app. Requires DATABASE_URL.
import { spawn } from "node:child_process";
import path from "node:path";
import { migrateDatabase } from "./lib/migrate";
import { env } from "../lib/env";
import { nodeOptionsWithPeerAddress } from "./lib/peer-address-option";

async function main() {
  const { DATABASE_URL } = env();
  const applied = await migrateDatabase(DATABASE_URL);
  console.log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database schema is up to date.");
  if (process.env.SEED_DEMO === "true") {
    const { seedDemo } = await import("../prisma/seed");
    console.log(await seedDemo(DATABASE_URL));
  }
  const port = process.env.PORT ?? "3000";
  const child = spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "start", "--port", port], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_OPTIONS: nodeOptionsWithPeerAddress() },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
