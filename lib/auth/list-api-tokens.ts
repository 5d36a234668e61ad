// A user's API tokens (never their secrets), newest first, with where and when each was last used.
import "server-only";
import type { Db } from "@/lib/db/create-client";

export async function listApiTokens(options: { db: Db; userId: string }) {
  return options.db.apiToken.findMany({
    where: { userId: options.userId },
    select: {
      id: true,
      name: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      organization: { select: { name: true, slug: true } },
    },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
  });
}
