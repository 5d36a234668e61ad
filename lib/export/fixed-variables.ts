// The variables every response export starts with (id, status, validity, screening, language,
// collector, dates, duration), coded as numbers with labels where the CSV has codes. Pure.
import type { ExportRecord } from "./export-columns";
import type { ExportLabels } from "./export-labels";
import { DRAFT_DEFAULTS as base, STRING_WIDTH, type CellReader, type Draft } from "./variable-draft";

const ID_WIDTH = 36;

export function fixedDrafts(labels: ExportLabels, cell: CellReader, weighted: boolean): Draft[] {
  const byCode = (
    column: string,
    label: string,
    names: Record<string, string>,
    read: (r: ExportRecord) => string | null,
  ): Draft => {
    const order = Object.keys(names);
    const codes = new Map(order.map((code, i) => [code, i + 1]));
    return {
      ...base,
      column,
      label,
      kind: "numeric",
      measure: "nominal",
      valueLabels: order.map((code, i) => ({ value: i + 1, label: names[code], code })),
      raw: (r) => codes.get(read(r) ?? "") ?? null,
    };
  };
  const string = (column: string, label: string, width: number, read: (r: ExportRecord) => string | null): Draft => ({
    ...base,
    column,
    label,
    kind: "string",
    width,
    measure: "nominal",
    raw: read,
  });
  const datetime = (column: string, label: string, read: (r: ExportRecord) => Date | null): Draft => ({
    ...base,
    column,
    label,
    kind: "datetime",
    measure: "scale",
    raw: read,
  });
  return [
    string("id", labels.id, ID_WIDTH, (r) => r.id),
    byCode("status", labels.status, labels.statuses, (r) => r.status),
    {
      ...base,
      column: "valid",
      label: labels.valid,
      kind: "numeric",
      measure: "nominal",
      valueLabels: [
        { value: 0, label: labels.no },
        { value: 1, label: labels.yes },
      ],
      raw: (r) => (r.status === "complete" && !r.screenedRule ? 1 : 0),
    },
    byCode("screened_rule", labels.screenedRule, labels.rules, (r) => r.screenedRule),
    string("screened_reason", labels.screenedReason, STRING_WIDTH, (r) => r.screenedReason),
    byCode("locale", labels.locale, labels.locales, (r) => r.locale),
    byCode("collector", labels.collector, labels.collectorKinds, (r) => r.collectorKind),
    string("collector_name", labels.collectorName, STRING_WIDTH, (r) => r.collectorName),
    datetime("started_at", labels.startedAt, (r) => r.startedAt),
    datetime("completed_at", labels.completedAt, (r) => r.completedAt),
    {
      ...base,
      column: "duration_seconds",
      label: labels.durationSeconds,
      kind: "numeric",
      measure: "scale",
      raw: cell("duration_seconds"),
    },
    ...(weighted
      ? [
          {
            ...base,
            column: "weight",
            label: labels.weight,
            kind: "numeric" as const,
            measure: "scale" as const,
            raw: cell("weight"),
          },
        ]
      : []),
  ];
}
