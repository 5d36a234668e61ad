// Live updates after a database outage: notifications sent while the LISTEN connection was away
// are lost, so once it is back every open stream is told that results changed (and refetches).
import pg from "pg";
import { expect, it } from "vitest";
import { subscribeToResults } from "@/lib/analytics/results-listener";

it("tells every open stream to refetch once the listener has reconnected", async () => {
  const heard: string[] = [];
  const surveys = [crypto.randomUUID(), crypto.randomUUID()];
  const stops = await Promise.all(surveys.map((id, i) => subscribeToResults(id, () => heard.push(`s${i}`))));
  expect(heard).toEqual([]);

  // What a PostgreSQL restart does to the listener: its connection is cut.
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  const { rowCount } = await admin.query(
    `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
     WHERE datname = current_database() AND pid <> pg_backend_pid() AND query ILIKE '%LISTEN%'`,
  );
  await admin.end();
  expect(rowCount).toBe(1);

  await expect.poll(() => [...new Set(heard)].sort(), { timeout: 15_000 }).toEqual(["s0", "s1"]);
  for (const stop of stops) stop();
});
