"use client";
// Response import, in the order a researcher works: choose a file, check it (a dry run that lists
// every problem by row, column and value, with the columns matched automatically), correct the
// matches, check again, then import all rows at once (a background job) while the progress shows.
import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { compactControlClass } from "@/components/ui/form-field";
import { Table, TableHead, TableRow, Td, Th } from "@/components/ui/table";

type Target = { key: string; label: string; group: string };
type Problem = { row: number | null; column: string | null; value: string; message: string };
type DryRun = {
  rows: number;
  headers: string[];
  mapping: Record<string, string>;
  duplicates: number;
  dated: boolean;
  problems: Problem[];
};
type Phase =
  | { kind: "idle" }
  | { kind: "checking" }
  | { kind: "importing"; done: number; total: number }
  | { kind: "imported"; imported: number; screened: number };

const POLL_MS = 500;

const endpoint = (slug: string) => `/api/v1/surveys/${encodeURIComponent(slug)}/imports`;

export function ResponseImportForm(props: { slug: string; targets: Target[] }) {
  const t = useTranslations("responses.import");
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [dry, setDry] = useState<DryRun | null>(null);
  const [mapping, setMapping] = useState<Record<string, string> | null>(null);
  const [edited, setEdited] = useState(false);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const groups = [...new Set(props.targets.map((x) => x.group))];

  const formFor = (dryRun: boolean) => {
    const form = new FormData();
    form.set("file", file!);
    form.set("dryRun", String(dryRun));
    if (mapping) form.set("mapping", JSON.stringify(mapping));
    return form;
  };

  const check = async () => {
    if (!file) return setError(t("errors.fileRequired"));
    setError(null);
    setPhase({ kind: "checking" });
    try {
      const response = await fetch(endpoint(props.slug), { method: "POST", body: formFor(true) });
      const json = await response.json();
      if (!response.ok) return setError(json.message ?? t("failed"));
      setDry(json);
      setMapping(json.mapping);
      setProblems(json.problems);
      setEdited(false);
    } catch {
      setError(t("failed"));
    } finally {
      setPhase((p) => (p.kind === "checking" ? { kind: "idle" } : p));
    }
  };

  // The import runs as a background job: its status is read every half second until it ends.
  const runImport = async () => {
    setError(null);
    setPhase({ kind: "importing", done: 0, total: dry?.rows ?? 0 });
    const fail = (message: string, found: Problem[] = []) => {
      setPhase({ kind: "idle" });
      setError(message);
      if (found.length) setProblems(found);
    };
    try {
      const response = await fetch(endpoint(props.slug), { method: "POST", body: formFor(false) });
      let job = await response.json();
      if (response.status !== 202) return fail(job.message ?? t("failed"), job.problems);
      while (job.status === "queued" || job.status === "running") {
        setPhase({ kind: "importing", done: job.progress.done, total: job.progress.total ?? dry?.rows ?? 0 });
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        const next = await fetch(job.url, { cache: "no-store" });
        if (!next.ok) return fail(t("failed"));
        job = await next.json();
      }
      if (job.status === "done") setPhase({ kind: "imported", imported: job.imported, screened: job.screened });
      else fail(job.error ?? t("failed"), job.problems);
    } catch {
      fail(t("failed"));
    }
  };

  const busy = phase.kind === "checking" || phase.kind === "importing";
  const canImport = dry && !edited && problems.length === 0 && phase.kind === "idle";

  return (
    <div className="space-y-4">
      <Card>
        <div className="flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor={fileId} className="block text-sm font-medium">
              {t("file")}
            </label>
            <input
              id={fileId}
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              className={compactControlClass}
              disabled={busy}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setDry(null);
                setMapping(null);
                setProblems([]);
                setPhase({ kind: "idle" });
              }}
            />
          </div>
          <Button type="button" onClick={check} disabled={!file || busy}>
            {phase.kind === "checking" ? t("checking") : edited ? t("checkAgain") : t("check")}
          </Button>
        </div>
        {error && (
          <p role="alert" className="mt-3 text-sm text-red-700">
            {error}
          </p>
        )}
      </Card>

      {dry && mapping && (
        <Card>
          <CardTitle>{t("mapping")}</CardTitle>
          <Table framed>
            <TableHead>
              <tr>
                <Th>{t("column")}</Th>
                <Th>{t("target")}</Th>
              </tr>
            </TableHead>
            <tbody>
              {dry.headers.map((header) => (
                <TableRow key={header}>
                  <Td>{header}</Td>
                  <Td>
                    <select
                      aria-label={`${t("target")}: ${header}`}
                      className={compactControlClass}
                      value={mapping[header] ?? ""}
                      disabled={busy}
                      onChange={(e) => {
                        setMapping({ ...mapping, [header]: e.target.value });
                        setEdited(true);
                      }}
                    >
                      <option value="">{t("notImported")}</option>
                      {groups.map((g) => (
                        <optgroup key={g} label={g}>
                          {props.targets
                            .filter((x) => x.group === g)
                            .map((x) => (
                              <option key={x.key} value={x.key}>
                                {x.label}
                              </option>
                            ))}
                        </optgroup>
                      ))}
                    </select>
                  </Td>
                </TableRow>
              ))}
            </tbody>
          </Table>
        </Card>
      )}

      {dry && (
        <Card aria-live="polite">
          <p>{t("rows", { count: dry.rows })}</p>
          {dry.duplicates > 0 && <p className="text-sm text-slate-700">{t("duplicates", { count: dry.duplicates })}</p>}
          {!dry.dated && <p className="text-sm text-slate-700">{t("undated")}</p>}
          {problems.length > 0 ? (
            <div className="mt-3" data-testid="import-problems">
              <p className="font-medium text-red-700">{t("problemsTitle", { count: problems.length })}</p>
              <Table framed>
                <TableHead>
                  <tr>
                    <Th>{t("row")}</Th>
                    <Th>{t("column")}</Th>
                    <Th>{t("value")}</Th>
                    <Th>{t("reason")}</Th>
                  </tr>
                </TableHead>
                <tbody>
                  {problems.slice(0, 500).map((p, i) => (
                    <TableRow key={i}>
                      <Td>{p.row ?? ""}</Td>
                      <Td>{p.column ?? ""}</Td>
                      <Td>
                        <code>{p.value}</code>
                      </Td>
                      <Td>{p.message}</Td>
                    </TableRow>
                  ))}
                </tbody>
              </Table>
            </div>
          ) : (
            !edited && <p className="mt-2 text-green-800">{t("noProblems")}</p>
          )}
          <div className="mt-3 flex items-center gap-3">
            <Button type="button" onClick={runImport} disabled={!canImport}>
              {t("import", { count: dry.rows })}
            </Button>
            {phase.kind === "importing" && (
              <div className="flex items-center gap-2" role="status">
                <progress max={phase.total || 1} value={phase.done} className="w-48" />
                <span className="text-sm">{t("importing", { done: phase.done, total: phase.total })}</span>
              </div>
            )}
          </div>
          {phase.kind === "imported" && (
            <p role="status" className="mt-3 font-medium text-green-800" data-testid="import-result">
              {t("imported", { count: phase.imported, screened: phase.screened })}
            </p>
          )}
        </Card>
      )}
    </div>
  );
}
