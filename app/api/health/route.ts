// Liveness and readiness: 200 when the database answers, 503 otherwise (no details leak).
import { pingDatabase } from "@/lib/db/ping-database";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const latencyMs = await pingDatabase();
    return Response.json({ status: "ok", database: "ok", latencyMs });
  } catch {
    return Response.json(
      { status: "error", error: "database_unavailable", message: "The database does not answer." },
      { status: 503 },
    );
  }
}
