// The details column of the audit log: an event's data as short "key: value" pairs. Pure.
export function auditDetails(data: unknown): string {
  if (!data || typeof data !== "object" || Array.isArray(data)) return "";
  return Object.entries(data as Record<string, unknown>)
    .filter(([, v]) => v !== null && v !== undefined && v !== "")
    .map(([k, v]) => `${k}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}`)
    .join(" · ");
}

/** The audit page's address for a page of the given filters. */
export function auditPageHref(filter: { action?: string; from?: string; to?: string }, page: number): string {
  const params = new URLSearchParams();
  if (filter.action) params.set("action", filter.action);
  if (filter.from) params.set("from", filter.from);
  if (filter.to) params.set("to", filter.to);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return `/organization/audit${query ? `?${query}` : ""}`;
}
