// Database commands: migrate | check | diff <name> | seed | reset-demo.
// Runs against DATABASE_URL, or the embedded PostgreSQL that `npm run dev` uses.
import { createMigration, pendingSchemaChanges } from "../lib/db/schema-engine";
import { startDatabaseServer } from "./lib/database-server";
import { migrateDatabase } from "./lib/migrate";
import { DEV_DATABASE } from "./lib/dev-database";

async function main() {
  const [command, arg] = process.argv.slice(2);
  const server = await startDatabaseServer(DEV_DATABASE);
  try {
    switch (command) {
      case "migrate": {
        const applied = await migrateDatabase(server.url);
        console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
        break;
      }
      case "check": {
        const sql = await pendingSchemaChanges(server.url);
        if (sql) {
          console.error("prisma/schema.prisma and prisma/migrations disagree. Missing migration:\n" + sql);
          console.error("Run `npm run db:diff -- <name>` to write it.");
          process.exitCode = 1;
        } else console.log("schema.prisma and the migrations agree.");
        break;
      }
      case "diff": {
        if (!arg) throw new Error("Usage: npm run db:diff -- <migration_name>");
        const dir = await createMigration(server.url, arg);
        console.log(dir ? `Wrote ${dir}/migration.sql` : "No changes: schema.prisma matches the migrations.");
        break;
      }
      case "seed": {
        await migrateDatabase(server.url);
        const { seedDemo } = await import("../prisma/seed");
        console.log(await seedDemo(server.url));
        break;
      }
      default:
        throw new Error("Usage: tsx scripts/db.ts migrate | check | diff <name> | seed");
    }
  } finally {
    await server.stop();
  }
}

// Exits explicitly: the schema engine's connection pool would otherwise idle for 10 s.
main().then(
  () => process.exit(),
  (e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
