// Whether the demo accounts of prisma/seed.ts exist with their published password, so the
// sign-in page can offer them; a deployment without the demo data shows no hint.
import "server-only";
import { db } from "@/lib/db/client";

export async function demoLoginsAvailable(): Promise<boolean> {
  return (await db.user.count({ where: { email: "researcher@example.org", passwordHash: { not: null } } })) > 0;
}
