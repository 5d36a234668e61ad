// Liveness and readiness: 200 when the database answers, else 503 with Retry-After (no details
// leak). The database client's connection and statement timeouts keep a stalled server from
// holding this probe open.
import { pingDatabase } from "@/lib/db/ping-database";
import { apiRoute, methodsNotAllowed, unavailable } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async () => {
  try {
    const latencyMs = await pingDatabase();
    return Response.json({ status: "ok", database: "ok", latencyMs });
  } catch {
    return unavailable();
  }
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");
