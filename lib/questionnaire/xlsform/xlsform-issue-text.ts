// An XLSForm import issue in the reader's language: "survey, row 7, column relevant: …". The
// translator is next-intl's for the designer.xlsform namespace, on the server (the API) or in
// the browser (the import form). Browser-safe.
import { definitionMessageIn } from "../definition-issue-text";
import type { XlsformIssue } from "./xlsform-issues";

type Translate = (key: string, params?: Record<string, string | number>) => string;

export function xlsformIssueText(issue: XlsformIssue, t: Translate, locale: "zh" | "en"): string {
  const place = [
    issue.sheet ? t("place.sheet", { sheet: issue.sheet }) : "",
    issue.row !== null ? t("place.row", { row: issue.row }) : "",
    issue.column ? t("place.column", { column: issue.column }) : "",
  ]
    .filter(Boolean)
    .join(t("place.separator"));
  const what =
    issue.code === "schema"
      ? definitionMessageIn(issue.message ?? "", locale)
      : t(`issues.${issue.code}`, issue.params);
  return place ? `${place}: ${what}` : what;
}
