// The organization's factor library: list it, add a factor, correct a factor's labels or level.
// A factor's code never changes, since answers and charts of every survey refer to it.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import { organizationsWhere, type Actor } from "@/lib/auth/organizations-where";
import type { FactorInput } from "./factor-schema";

export async function listFactors(opts: { db: Db; actor: Actor; organizationId?: string }) {
  const ids = organizationsWhere(opts.actor, "viewer").filter(
    (id) => !opts.organizationId || id === opts.organizationId,
  );
  return opts.db.factor.findMany({
    where: { organizationId: { in: ids } },
    orderBy: [{ level: "asc" }, { code: "asc" }],
    select: { id: true, organizationId: true, code: true, level: true, labelZh: true, labelEn: true },
  });
}

export type SaveFactorResult = "created" | "updated" | "not_found";

/** Creates the factor, or updates the labels and level of the one with that code. */
export async function saveFactor(opts: {
  db: Db;
  actor: Actor;
  organizationId: string;
  factor: FactorInput;
}): Promise<SaveFactorResult> {
  if (!organizationsWhere(opts.actor, "researcher").includes(opts.organizationId)) return "not_found";
  const { code, level, labelZh, labelEn } = opts.factor;
  const existing = await opts.db.factor.findUnique({
    where: { organizationId_code: { organizationId: opts.organizationId, code } },
    select: { id: true },
  });
  await opts.db.factor.upsert({
    where: { organizationId_code: { organizationId: opts.organizationId, code } },
    create: { organizationId: opts.organizationId, code, level, labelZh, labelEn },
    update: { level, labelZh, labelEn },
  });
  return existing ? "updated" : "created";
}
