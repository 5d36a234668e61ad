// The canonical SQL functions (prisma/sql/<domain>/*.sql): domains in name order (analytics,
// http, responses), files in name order within each.
import fs from "node:fs";
import path from "node:path";

export const CANONICAL_SQL_DIR = path.resolve("prisma/sql");

export function canonicalSqlFiles(): string[] {
  return fs
    .readdirSync(CANONICAL_SQL_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .flatMap((domain) =>
      fs
        .readdirSync(path.join(CANONICAL_SQL_DIR, domain))
        .filter((f) => f.endsWith(".sql"))
        .sort()
        .map((f) => path.join(CANONICAL_SQL_DIR, domain, f)),
    );
}

export function canonicalFunctionsSql(): string {
  return canonicalSqlFiles()
    .map((f) => `-- ${path.relative(process.cwd(), f)}\n${fs.readFileSync(f, "utf8").trim()}\n`)
    .join("\n");
}
