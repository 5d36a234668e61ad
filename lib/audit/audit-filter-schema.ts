// The audit log page's filters, parsed from its URL. Browser-safe.
import { z } from "zod";

export const AUDIT_PAGE_SIZE = 50;

const DateOnly = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)));

export const AuditFilterSchema = z.object({
  action: z
    .string()
    .trim()
    .regex(/^[a-z_]+\.[a-z_]+$/)
    .optional()
    .catch(undefined),
  from: DateOnly.optional().catch(undefined),
  to: DateOnly.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type AuditFilter = z.infer<typeof AuditFilterSchema>;

/** The half-open range [from 00:00, day after `to` 00:00) in UTC, as the filter's dates are read. */
export function auditDateRange(filter: Pick<AuditFilter, "from" | "to">): { gte?: Date; lt?: Date } {
  const range: { gte?: Date; lt?: Date } = {};
  if (filter.from) range.gte = new Date(`${filter.from}T00:00:00Z`);
  if (filter.to) range.lt = new Date(Date.parse(`${filter.to}T00:00:00Z`) + 24 * 60 * 60 * 1000);
  return range;
}
