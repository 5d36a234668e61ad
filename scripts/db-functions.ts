// `npm run db:functions -- <name>`: writes a migration that (re)creates every canonical SQL function
// in prisma/sql/<domain>/ (CREATE OR REPLACE, so applying it twice changes nothing). Edit the
// files there, then run this: the migration history keeps each state, the files keep the current one.
import fs from "node:fs";
import path from "node:path";
import { MIGRATIONS_DIR } from "../lib/db/schema-engine";
import { canonicalFunctionsSql } from "./lib/canonical-sql";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:functions -- <migration_name> (a-z, 0-9 and _)");
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "migration.sql"), canonicalFunctionsSql());
console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
