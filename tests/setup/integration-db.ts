// Before each integration test file: a fresh database cloned from the migrated template
// (CREATE DATABASE … TEMPLATE takes a fraction of a second), dropped after the file.
import { afterAll, inject } from "vitest";
import { adminQuery, withDatabase } from "../../lib/db/schema-engine";

const template = inject("templateDatabaseUrl");
const templateName = new URL(template).pathname.slice(1);
const name = `${templateName.replace(/_base$/, "")}_f${process.env.VITEST_POOL_ID ?? "0"}_${Date.now().toString(36)}`;

// Files start in parallel, and PostgreSQL copies one template at a time: retry while it is busy.
for (let attempt = 0; ; attempt++) {
  try {
    await adminQuery(template, `CREATE DATABASE "${name}" TEMPLATE "${templateName}"`);
    break;
  } catch (e) {
    if (attempt >= 50 || !String(e).includes("is being accessed by other users")) throw e;
    await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
  }
}
process.env.DATABASE_URL = withDatabase(template, name);

afterAll(async () => {
  // A test that ran data jobs leaves pg-boss connected to the database about to be dropped.
  const { stopDataJobs } = await import("../../lib/jobs/job-worker");
  await stopDataJobs();
  const holder = globalThis as unknown as { prisma?: { $disconnect(): Promise<void> } };
  await holder.prisma?.$disconnect();
  delete holder.prisma;
  await adminQuery(template, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
});
