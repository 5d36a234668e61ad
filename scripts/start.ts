// `npm start` (production, used by the Docker image): apply pending migrations, optionally load
// the demo data (SEED_DEMO=true), then serve the built app (scripts/serve.ts). Requires DATABASE_URL.
import { spawn } from "node:child_process";
import { migrateDatabase } from "./lib/migrate";
import { env } from "../lib/env";
import { serveCommand, serveEnv } from "./lib/serve-command";

async function main() {
  const { DATABASE_URL } = env();
  const applied = await migrateDatabase(DATABASE_URL);
  console.log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database schema is up to date.");
  if (process.env.SEED_DEMO === "true") {
    const { seedDemo } = await import("../prisma/seed");
    console.log(await seedDemo(DATABASE_URL));
  }
  const [command, args] = serveCommand;
  const child = spawn(command, args, {
    stdio: "inherit",
    env: { ...process.env, ...serveEnv(Number(process.env.PORT ?? 3000), "0.0.0.0") },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
