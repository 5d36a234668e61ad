// Once per integration run: a migrated template database that each test file clones.
// `npm test` prepares it and passes TEST_TEMPLATE_DATABASE_URL; run alone, vitest prepares its own.
import type { TestProject } from "vitest/node";
import { adminQuery, withDatabase } from "../../lib/db/schema-engine";
import { migrateDatabase } from "../../scripts/lib/migrate";
import { startDatabaseServer } from "../../scripts/lib/database-server";
import { TEST_DATABASE } from "../../scripts/lib/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (process.env.TEST_TEMPLATE_DATABASE_URL) {
    project.provide("templateDatabaseUrl", process.env.TEST_TEMPLATE_DATABASE_URL);
    return;
  }
  const server = await startDatabaseServer(TEST_DATABASE);
  const template = withDatabase(server.url, `sme_test_${process.pid}_base`);
  await adminQuery(server.url, `DROP DATABASE IF EXISTS "sme_test_${process.pid}_base" WITH (FORCE)`);
  await migrateDatabase(template);
  project.provide("templateDatabaseUrl", template);
  return async () => {
    await adminQuery(server.url, `DROP DATABASE IF EXISTS "sme_test_${process.pid}_base" WITH (FORCE)`);
    await server.stop();
  };
}
