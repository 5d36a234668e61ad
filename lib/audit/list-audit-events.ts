// One page of an organization's audit log, newest first, for its owners.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import { organizationsWhere, type Actor } from "@/lib/auth/organizations-where";
import { AUDIT_PAGE_SIZE, auditDateRange, type AuditFilter } from "./audit-filter-schema";

export async function listAuditEvents(options: { db: Db; actor: Actor; organizationId: string; filter: AuditFilter }) {
  const { db, actor, organizationId, filter } = options;
  const where = {
    organizationId,
    AND: { organizationId: { in: organizationsWhere(actor, "owner") } },
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.from || filter.to ? { createdAt: auditDateRange(filter) } : {}),
  };
  const [total, events] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: {
        id: true,
        action: true,
        targetType: true,
        targetId: true,
        data: true,
        createdAt: true,
        actor: { select: { name: true, email: true } },
      },
    }),
  ]);
  return {
    total,
    page: filter.page,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    events: events.map((e) => ({ ...e, id: e.id.toString() })),
  };
}
