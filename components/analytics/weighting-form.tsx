"use client";
// The weighting form: the method, the targets as CSV (typed, pasted, from a file, or started from a
// template of the survey's cells), trimming and raking options; saved through the same endpoint a
// script uses (PUT …/weighting). Problems come back by row and column; while the background job
// computes the weights its state is read again every second.
import { useEffect, useId, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { FormField, compactControlClass, controlClass } from "@/components/ui/form-field";
import { Table, TableHead, TableRow, Td, Th } from "@/components/ui/table";
import { LabelledSelect } from "@/components/ui/labelled-select";
import { TextFileInput } from "@/components/ui/text-file-input";
import type { WeightingMethod, WeightingTargets } from "@/lib/analytics/weighting/targets-schema";
import type { WeightingView } from "@/lib/analytics/weighting/weighting-api-schemas";

type Breakdown = { key: string; label: string; codes: string[] };
type Problem = { row: number | null; column: string | null; value: string; message: string };

const POLL_MS = 1000;

/** The stored targets back as the CSV the form edits. */
function targetsCsv(targets: WeightingTargets): string {
  if (targets.method === "post_stratify")
    return [
      [...targets.variables, "count"].join(","),
      ...targets.cells.map((c) => [...targets.variables.map((v) => c.values[v]), c.count].join(",")),
    ].join("\n");
  return [
    "variable,value,total",
    ...targets.margins.flatMap((m) => m.totals.map((t) => `${m.variable},${t.value},${t.total}`)),
  ].join("\n");
}

/** Every cell (post-stratification) or category (raking) of the chosen breakdowns, counts left blank. */
function templateCsv(method: WeightingMethod, chosen: Breakdown[]): string {
  if (method === "rake")
    return ["variable,value,total", ...chosen.flatMap((b) => b.codes.map((code) => `${b.key},${code},`))].join("\n");
  const cells = chosen.reduce<string[][]>((rows, b) => rows.flatMap((r) => b.codes.map((code) => [...r, code])), [[]]);
  return [[...chosen.map((b) => b.key), "count"].join(","), ...cells.map((c) => `${c.join(",")},`)].join("\n");
}

/**
 * The targets as a table whose last column (count or total) is typed in place; each edit writes
 * the CSV back, so the text, the file and the table are one value. Codes are plain identifiers,
 * so splitting on commas is enough here (the server parses the CSV properly).
 */
function TargetsTable({ csv, onChange }: { csv: string; onChange: (csv: string) => void }) {
  const t = useTranslations("weighting");
  const [header, ...rows] = csv
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(",").map((cell) => cell.trim()));
  if (!header || header.length < 2 || rows.length === 0 || rows.some((r) => r.length !== header.length)) return null;
  const last = header.length - 1;
  const write = (row: number, value: string) =>
    onChange(
      [header, ...rows.map((r, i) => (i === row ? [...r.slice(0, last), value] : r))]
        .map((r) => r.join(","))
        .join("\n"),
    );
  return (
    <details className="mt-2" open={rows.length <= 60}>
      <summary className="cursor-pointer text-sm text-brand-800">{t("table")}</summary>
      <Table framed>
        <TableHead>
          <tr>
            {header.map((h) => (
              <Th key={h}>{h}</Th>
            ))}
          </tr>
        </TableHead>
        <tbody>
          {rows.map((r, i) => (
            <TableRow key={r.slice(0, last).join(",") + i}>
              {r.slice(0, last).map((cell, j) => (
                <Td key={j}>{cell}</Td>
              ))}
              <Td>
                <input
                  aria-label={`${header[last]}: ${r.slice(0, last).join(", ")}`}
                  className={compactControlClass}
                  inputMode="decimal"
                  value={r[last]}
                  onChange={(e) => write(i, e.target.value.replace(/,/g, ""))}
                />
              </Td>
            </TableRow>
          ))}
        </tbody>
      </Table>
    </details>
  );
}

export function WeightingForm(props: { slug: string; breakdowns: Breakdown[]; initial: WeightingView | null }) {
  const t = useTranslations("weighting");
  const format = useFormatter();
  const ids = { csv: useId(), file: useId() };
  const [view, setView] = useState<WeightingView | null>(props.initial);
  const [method, setMethod] = useState<WeightingMethod>(props.initial?.method ?? "rake");
  const [csv, setCsv] = useState(props.initial ? targetsCsv(props.initial.targets) : "");
  const [chosen, setChosen] = useState<string[]>(props.breakdowns.slice(0, 2).map((b) => b.key));
  const [trimCap, setTrimCap] = useState(props.initial?.trimCap?.toString() ?? "");
  const [tolerance, setTolerance] = useState(String(props.initial?.tolerance ?? 1e-7));
  const [maxIterations, setMaxIterations] = useState(String(props.initial?.maxIterations ?? 100));
  const [problems, setProblems] = useState<Problem[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const endpoint = `/api/v1/surveys/${encodeURIComponent(props.slug)}/weighting`;
  const computing = view !== null && (view.status === "queued" || view.status === "running" || view.stale);

  useEffect(() => {
    if (!computing) return;
    const timer = setInterval(async () => {
      const response = await fetch(endpoint, { cache: "no-store" }).catch(() => null);
      if (response?.ok) setView(await response.json());
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [computing, endpoint]);

  const save = async () => {
    setBusy(true);
    setMessage(null);
    setProblems([]);
    try {
      const response = await fetch(endpoint, {
        method: "PUT",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          method,
          csv,
          trimCap: trimCap.trim() ? Number(trimCap) : null,
          tolerance: Number(tolerance),
          maxIterations: Number(maxIterations),
        }),
      });
      const json = await response.json();
      if (response.status === 202) setView(json);
      else {
        setMessage(json.message ?? t("failed"));
        setProblems(
          json.problems ??
            json.issues?.map((i: { path: string[]; message: string }) => ({
              row: null,
              column: i.path.join("."),
              value: "",
              message: i.message,
            })) ??
            [],
        );
      }
    } catch {
      setMessage(t("failed"));
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setBusy(true);
    const response = await fetch(endpoint, { method: "DELETE" }).catch(() => null);
    setBusy(false);
    if (response?.status === 204) {
      setView(null);
      setMessage(t("removed"));
    }
  };

  return (
    <div className="space-y-4">
      <Card>
        <div className="grid gap-4 sm:grid-cols-2">
          <LabelledSelect
            label={t("method")}
            size="form"
            value={method}
            onChange={(e) => setMethod(e.target.value as WeightingMethod)}
          >
            <option value="rake">{t("rake")}</option>
            <option value="post_stratify">{t("post_stratify")}</option>
          </LabelledSelect>
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium">{t("template")}</legend>
            <div className="flex flex-wrap gap-3">
              {props.breakdowns.map((b) => (
                <label key={b.key} className="flex items-center gap-1 text-sm">
                  <input
                    type="checkbox"
                    checked={chosen.includes(b.key)}
                    onChange={(e) =>
                      setChosen(e.target.checked ? [...chosen, b.key] : chosen.filter((k) => k !== b.key))
                    }
                  />
                  {b.label} <code className="text-xs text-slate-600">{b.key}</code>
                </label>
              ))}
            </div>
            <Button
              type="button"
              variant="secondary"
              size="sm"
              disabled={chosen.length === 0}
              onClick={() =>
                setCsv(
                  templateCsv(
                    method,
                    props.breakdowns.filter((b) => chosen.includes(b.key)),
                  ),
                )
              }
            >
              {t("template")}
            </Button>
          </fieldset>
        </div>
        <div className="mt-4 space-y-1">
          <label htmlFor={ids.csv} className="block text-sm font-medium">
            {t("csv")}
          </label>
          <p className="text-sm whitespace-pre-line text-slate-600">
            {t(method === "rake" ? "csvHelpRake" : "csvHelpPost")}
          </p>
          <textarea
            id={ids.csv}
            className={`${controlClass} h-48 font-mono`}
            value={csv}
            onChange={(e) => setCsv(e.target.value)}
            spellCheck={false}
          />
          <TextFileInput id={ids.file} label={t("file")} accept=".csv,text/csv" onText={setCsv} />
          <TargetsTable csv={csv} onChange={setCsv} />
        </div>
        <div className="mt-4 grid gap-4 sm:grid-cols-3">
          {(
            [
              [t("trimCap"), trimCap, setTrimCap, "decimal", t("trimNone")],
              [t("tolerance"), tolerance, setTolerance, "decimal", undefined],
              [t("maxIterations"), maxIterations, setMaxIterations, "numeric", undefined],
            ] as const
          ).map(([label, value, set, inputMode, hint]) => (
            <FormField key={label} label={label} hint={hint}>
              {(control) => (
                <input
                  {...control}
                  className={compactControlClass}
                  inputMode={inputMode}
                  value={value}
                  onChange={(e) => set(e.target.value)}
                />
              )}
            </FormField>
          ))}
        </div>
        <div className="mt-4 flex flex-wrap gap-3">
          <Button type="button" onClick={save} disabled={busy || csv.trim() === ""}>
            {busy ? t("saving") : t("save")}
          </Button>
          {view && (
            <Button type="button" variant="ghost" className="text-red-700" onClick={remove} disabled={busy}>
              {t("remove")}
            </Button>
          )}
        </div>
        {message && (
          <p role="alert" className="mt-3 text-sm text-red-700">
            {message}
          </p>
        )}
      </Card>

      {problems.length > 0 && (
        <Card data-testid="weighting-problems">
          <CardTitle>{t("problemsTitle", { count: problems.length })}</CardTitle>
          <Table framed>
            <TableHead>
              <tr>
                <Th>{t("row")}</Th>
                <Th>{t("column")}</Th>
                <Th>{t("value")}</Th>
                <Th>{t("problem")}</Th>
              </tr>
            </TableHead>
            <tbody>
              {problems.map((p, i) => (
                <TableRow key={i}>
                  <Td>{p.row ?? ""}</Td>
                  <Td>{p.column ?? ""}</Td>
                  <Td>{p.value}</Td>
                  <Td>{p.message}</Td>
                </TableRow>
              ))}
            </tbody>
          </Table>
        </Card>
      )}

      {view && (
        <Card aria-live="polite" data-testid="weighting-status" data-status={view.status}>
          <CardTitle>{t(`status.${view.status}`)}</CardTitle>
          <div className="space-y-1 text-sm text-slate-700">
            {view.computedAt && view.weightedResponses !== null && (
              <p>
                {t("computed", {
                  time: format.dateTime(new Date(view.computedAt), { dateStyle: "medium", timeStyle: "short" }),
                  responses: view.weightedResponses,
                })}
              </p>
            )}
            {view.stale && <p>{t("stale", { valid: view.validResponses })}</p>}
            {view.designEffect !== null && view.effectiveSize !== null && (
              <p data-testid="weighting-figures">
                {t("figures", { deff: view.designEffect.toFixed(2), neff: view.effectiveSize.toFixed(1) })}{" "}
                {view.iterations !== null && t("iterations", { count: view.iterations })}
              </p>
            )}
            {view.unclassified > 0 && <p>{t("unclassified", { count: view.unclassified })}</p>}
            {view.trimmed > 0 && <p>{t("trimmed", { count: view.trimmed })}</p>}
            {view.warnings.map((w) => (
              <p key={w} className="text-amber-800">
                {w}
              </p>
            ))}
            {view.error && (
              <p role="alert" className="text-red-700">
                {view.error}
              </p>
            )}
          </div>
        </Card>
      )}
    </div>
  );
}
