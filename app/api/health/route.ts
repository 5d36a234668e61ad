// Liveness and readiness: 200 when the database answers, 503 otherwise (no details leak).
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export async function GET() {
  const started = performance.now();
  try {
    await db.$queryRaw`SELECT 1`;
    return Response.json({ status: "ok", database: "ok", latencyMs: Math.round(performance.now() - started) });
  } catch {
    return Response.json({ status: "error", error: "database_unavailable", message: "The database does not answer." }, { status: 503 });
  }
}
