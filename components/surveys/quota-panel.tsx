// Quotas with their fill levels (complete, valid responses with that answer) and the form to set one.
import { getLocale, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import type { Locale, QuestionnaireDefinition } from "@/lib/questionnaire/definition-schema";
import { localizedText } from "@/lib/questionnaire/localized-text";
import { quotaQuestions } from "@/lib/surveys/quota-schema";
import type { QuotaFill } from "@/lib/surveys/quotas";
import { QuotaForm } from "./quota-form";

type State = { error?: string; saved?: boolean } | null;

export async function QuotaPanel(props: {
  definition: QuestionnaireDefinition;
  quotas: QuotaFill[];
  setQuota: (state: State, form: FormData) => Promise<State>;
  removeQuota: (quotaId: string) => Promise<void>;
}) {
  const t = await getTranslations("surveys.quotas");
  const locale = (await getLocale()) as Locale;
  const questions = quotaQuestions(props.definition).map((q) => ({
    code: q.code,
    label: localizedText(q.label, locale),
    options: q.options.map((o) => ({ code: o.code, label: localizedText(o.label, locale) })),
  }));
  const labelOf = (questionCode: string, optionCode: string) => {
    const q = questions.find((x) => x.code === questionCode);
    return `${q?.label ?? questionCode}: ${q?.options.find((o) => o.code === optionCode)?.label ?? optionCode}`;
  };
  return (
    <Card>
      <CardTitle>{t("title")}</CardTitle>
      <p className="mt-1 text-sm text-slate-600">{t("help")}</p>
      {props.quotas.length > 0 && (
        <ul className="mt-3 space-y-3" data-testid="quotas">
          {props.quotas.map((q) => {
            const share = Math.min(1, q.filled / q.limit);
            const label = labelOf(q.questionCode, q.optionCode);
            return (
              <li key={q.id} className="text-sm">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <span>{label}</span>
                  <span className="tabular-nums" data-testid={`quota-${q.optionCode}`}>
                    {t("fill", { filled: q.filled, limit: q.limit })}
                  </span>
                </div>
                <div
                  role="meter"
                  aria-label={label}
                  aria-valuemin={0}
                  aria-valuemax={q.limit}
                  aria-valuenow={q.filled}
                  className="mt-1 h-2 rounded bg-slate-200"
                >
                  <div
                    className={`h-2 rounded ${share >= 1 ? "bg-red-600" : "bg-brand-600"}`}
                    style={{ width: `${share * 100}%` }}
                  />
                </div>
                <form action={props.removeQuota.bind(null, q.id)}>
                  <Button type="submit" size="sm" variant="ghost" aria-label={t("removeNamed", { name: label })}>
                    {t("remove")}
                  </Button>
                </form>
              </li>
            );
          })}
        </ul>
      )}
      <div className="mt-4">
        {questions.length ? (
          <QuotaForm questions={questions} action={props.setQuota} />
        ) : (
          <p className="text-sm text-slate-600">{t("noBreakdowns")}</p>
        )}
      </div>
    </Card>
  );
}
