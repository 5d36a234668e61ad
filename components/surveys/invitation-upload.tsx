"use client";
// Upload an invitation list (CSV: firm name, contact, optional firm identifier). Bad rows are
// listed by line before anything is stored. The personal links are shown and offered as a CSV
// download once: only their hashes are stored, so they cannot be shown again.
import { useId, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Table, TableHead, TableRow, Td, Th } from "@/components/ui/table";
import { compactControlClass } from "@/components/ui/form-field";
import { TextFileInput } from "@/components/ui/text-file-input";
import { invitationLinksCsv, parseInvitationCsv, type InvitationRowError } from "@/lib/surveys/parse-invitation-csv";

type Links = { firmName: string; contact: string | null; firmIdentifier: string | null; link: string }[];
type Result = { errors: InvitationRowError[] } | { links: Links } | null;

export function InvitationUpload({
  slug,
  create,
}: {
  slug: string;
  create: (name: string, csv: string) => Promise<Result>;
}) {
  const t = useTranslations("surveys.invitations");
  const ids = { name: useId(), file: useId(), csv: useId() };
  const [name, setName] = useState("");
  const [csv, setCsv] = useState("");
  const [result, setResult] = useState<Result>(null);
  const [pending, startTransition] = useTransition();
  const preview = csv.trim() ? parseInvitationCsv(csv) : null;
  const errors = result && "errors" in result ? result.errors : (preview?.errors ?? []);

  const download = (links: Links) => {
    const blob = new Blob(["\uFEFF" + invitationLinksCsv(links)], { type: "text/csv;charset=utf-8" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = `${slug}-invitations.csv`;
    a.click();
    URL.revokeObjectURL(a.href);
  };

  if (result && "links" in result)
    return (
      <div className="space-y-3" data-testid="invitation-links">
        <p role="alert" className="rounded-md border border-amber-500 bg-amber-50 p-3 text-sm text-amber-900">
          {t("onceWarning", { count: result.links.length })}
        </p>
        <Button type="button" onClick={() => download(result.links)}>
          {t("download")}
        </Button>
        <Table framed wrapperClassName="max-h-80 overflow-auto" className="text-xs">
          <TableHead>
            <tr>
              <Th>{t("firmName")}</Th>
              <Th>{t("contact")}</Th>
              <Th>{t("link")}</Th>
            </tr>
          </TableHead>
          <tbody>
            {result.links.map((l) => (
              <TableRow key={l.link}>
                <Td>{l.firmName}</Td>
                <Td>{l.contact}</Td>
                <Td className="break-all">
                  <code>{l.link}</code>
                </Td>
              </TableRow>
            ))}
          </tbody>
        </Table>
        <Button type="button" variant="secondary" onClick={() => (setResult(null), setCsv(""), setName(""))}>
          {t("another")}
        </Button>
      </div>
    );

  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => setResult(await create(name, csv)));
      }}
    >
      <p className="text-sm text-slate-600">{t("help")}</p>
      <div>
        <label htmlFor={ids.name} className="block text-sm font-medium">
          {t("name")}
        </label>
        <input
          id={ids.name}
          value={name}
          onChange={(e) => setName(e.target.value)}
          className={compactControlClass}
          placeholder={t("namePlaceholder")}
        />
      </div>
      <TextFileInput
        id={ids.file}
        label={t("file")}
        accept=".csv,text/csv"
        onText={(text) => (setCsv(text), setResult(null))}
      />
      <div>
        <label htmlFor={ids.csv} className="block text-sm font-medium">
          {t("paste")}
        </label>
        <textarea
          id={ids.csv}
          value={csv}
          onChange={(e) => (setCsv(e.target.value), setResult(null))}
          className={`${compactControlClass} h-28 font-mono text-xs`}
          placeholder="firm_name,contact,firm_identifier"
        />
      </div>
      {errors.length > 0 && (
        <div role="alert" className="text-sm text-red-700">
          <p>{t("rowErrors", { count: errors.length })}</p>
          <ul className="mt-1 list-disc pl-5" data-testid="invitation-errors">
            {errors.slice(0, 100).map((e) => (
              <li key={`${e.line}-${e.field}-${e.code}`}>
                {t(`errors.${e.field}.${e.code}` as "errors.firmName.missing", { line: e.line })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {preview && errors.length === 0 && (
        <p className="text-sm text-slate-700">{t("ready", { count: preview.rows.length })}</p>
      )}
      <Button type="submit" disabled={pending || !preview || errors.length > 0 || preview.rows.length === 0}>
        {t("create")}
      </Button>
    </form>
  );
}
