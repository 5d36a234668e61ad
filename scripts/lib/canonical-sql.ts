// The canonical SQL functions (prisma/sql/analytics/*.sql), in file order.
import fs from "node:fs";
import path from "node:path";

export const CANONICAL_SQL_DIR = path.resolve("prisma/sql/analytics");

export function canonicalSqlFiles(): string[] {
  return fs
    .readdirSync(CANONICAL_SQL_DIR)
    .filter((f) => f.endsWith(".sql"))
    .sort()
    .map((f) => path.join(CANONICAL_SQL_DIR, f));
}

export function canonicalFunctionsSql(): string {
  return canonicalSqlFiles()
    .map((f) => `-- ${path.relative(process.cwd(), f)}\n${fs.readFileSync(f, "utf8").trim()}\n`)
    .join("\n");
}
