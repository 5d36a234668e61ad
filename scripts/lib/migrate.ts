// Brings a database up to date: the SQL migrations, then the step that needs TypeScript
// (compiling metric maps of versions published before they existed, rebuilding invalidated cells).
// Every entry point (dev, start, test, admin, db) migrates through this.
import { compilePendingVersions } from "../../lib/analytics/compile-pending-versions";
import { createDbClient } from "../../lib/db/create-client";
import { applyMigrations } from "../../lib/db/schema-engine";

export async function migrateDatabase(url: string): Promise<string[]> {
  const applied = await applyMigrations(url);
  const db = createDbClient(url, 2);
  try {
    const { compiled, rebuilt } = await compilePendingVersions(db);
    if (compiled || rebuilt)
      console.log(`Compiled ${compiled} metric maps; rebuilt the results of ${rebuilt} surveys.`);
  } finally {
    await db.$disconnect();
  }
  return applied;
}
