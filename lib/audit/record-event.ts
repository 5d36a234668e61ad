// The one way to write the audit log. Callers pass their transaction client as `db` so the event
// commits or rolls back together with the change it records.
import "server-only";
import type { Prisma } from "@/lib/db/create-client";
import type { AuditAction } from "./audit-actions";

/** The app client or a transaction client: both can write the event. */
export type AuditDb = Prisma.TransactionClient;

export type RecordEventOptions = {
  db: AuditDb;
  organizationId: string;
  /** The user who acted; null for the system (e.g. the admin command). */
  actorId: string | null;
  action: AuditAction | (string & {});
  targetType?: string;
  targetId?: string;
  data?: Prisma.InputJsonValue;
};

export async function recordEvent(options: RecordEventOptions): Promise<void> {
  await options.db.auditEvent.create({
    data: {
      organizationId: options.organizationId,
      actorId: options.actorId,
      action: options.action,
      targetType: options.targetType ?? null,
      targetId: options.targetId ?? null,
      data: options.data ?? {},
    },
  });
}
