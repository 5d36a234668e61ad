// Prisma CLI configuration. Only `prisma generate` runs through the CLI; migrations run through
// scripts/db.ts with Prisma's WebAssembly schema engine (docs/decisions/001-migrations-without-engine-download.md).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  // `env()` from prisma/config throws when the variable is unset, which would break
  // `prisma generate` at install time; generate never connects, so a placeholder is fine.
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/unused" },
});
