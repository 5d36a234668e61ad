"use client";
// Imports an XLSForm workbook. After an import the parts the questionnaire format cannot hold are
// listed by sheet, row and column before the researcher opens the new questionnaire, so nothing
// is left out unnoticed; a refused form lists its problems the same way.
import { useActionState, useId } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { compactControlClass } from "@/components/ui/form-field";

type XlsformState = {
  error?: "fileRequired" | "tooLarge" | "codeTaken" | "invalid";
  code?: string;
  created?: { id: string; code: string };
  errors?: string[];
  notMapped?: string[];
} | null;

function IssueList({ title, items, testId }: { title: string; items?: string[]; testId: string }) {
  if (!items?.length) return null;
  return (
    <div className="text-sm">
      <p>{title}</p>
      <ul className="mt-1 list-disc pl-5" data-testid={testId}>
        {items.map((text, i) => (
          <li key={i}>{text}</li>
        ))}
      </ul>
    </div>
  );
}

export function XlsformImportForm(props: {
  importXlsform: (state: XlsformState, form: FormData) => Promise<XlsformState>;
  maxMegabytes: number;
}) {
  const t = useTranslations("designer.xlsform");
  const [state, action, pending] = useActionState(props.importXlsform, null);
  const fileId = useId();
  return (
    <Card>
      <CardTitle>{t("importTitle")}</CardTitle>
      <p className="mt-1 text-sm text-slate-600">{t("importLead")}</p>
      <form action={action} className="mt-3 space-y-3">
        <div>
          <label htmlFor={fileId} className="block text-sm font-medium">
            {t("file")}
          </label>
          <input
            id={fileId}
            name="file"
            type="file"
            required
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className={compactControlClass}
          />
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? t("importing") : t("import")}
        </Button>
      </form>
      <div aria-live="polite" className="mt-3 space-y-2">
        {state?.error && (
          <div role="alert" className="space-y-2 text-sm text-red-700">
            <p>{t(`errors.${state.error}`, { code: state.code ?? "", max: props.maxMegabytes })}</p>
            <IssueList title={t("errorsTitle")} items={state.errors} testId="xlsform-errors" />
          </div>
        )}
        {state?.created && (
          <p className="text-sm text-green-800">
            {t("imported", { code: state.created.code })}{" "}
            <Link href={`/questionnaires/${state.created.id}`} className="underline">
              {t("open")}
            </Link>
          </p>
        )}
        <IssueList title={t("notMappedTitle")} items={state?.notMapped} testId="xlsform-not-mapped" />
      </div>
    </Card>
  );
}
