"use client";
// "Order the top N" without drag and drop: buttons add an option to the ranking and move it up
// or down, so it works with a keyboard, a screen reader and a thumb alike.
import { useTranslations } from "next-intl";
import type { Locale, QuestionDefinition } from "@/lib/questionnaire/definition-schema";
import { localizedText } from "@/lib/questionnaire/localized-text";
import { Button } from "@/components/ui/button";

type Rank = Extract<QuestionDefinition, { type: "rank" }>;

export function RankInput(props: {
  question: Rank;
  locale: Locale;
  value: string[] | undefined;
  onChange: (v: string[] | undefined) => void;
}) {
  const { question, locale, onChange } = props;
  const t = useTranslations("respondent.form");
  const ranked = props.value ?? [];
  const label = (code: string) => localizedText(question.options.find((o) => o.code === code)?.label, locale);
  const set = (next: string[]) => onChange(next.length ? next : undefined);
  const move = (i: number, by: number) => {
    const next = [...ranked];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    set(next);
  };
  const unranked = question.options.filter((o) => !ranked.includes(o.code));
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <div>
        <h3 className="mb-2 text-sm font-semibold text-slate-700">{t("yourRanking")}</h3>
        {ranked.length === 0 ? (
          <p className="text-sm text-slate-600">{t("rankEmpty")}</p>
        ) : (
          <ol className="space-y-2">
            {ranked.map((code, i) => (
              <li
                key={code}
                className="flex flex-wrap items-center gap-2 rounded-md border border-brand-700 bg-brand-50 px-3 py-2"
              >
                <span className="font-semibold tabular-nums">{i + 1}.</span>
                <span className="min-w-0 flex-1">{label(code)}</span>
                <Button
                  type="button"
                  size="sm"
                  variant="secondary"
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                  aria-label={t("rankUp", { option: label(code) })}
                >
                  ↑
                </Button>
                <Button
                  type="button"
                  size="sm"
                  variant="secondary"
                  disabled={i === ranked.length - 1}
                  onClick={() => move(i, 1)}
                  aria-label={t("rankDown", { option: label(code) })}
                >
                  ↓
                </Button>
                <Button
                  type="button"
                  size="sm"
                  variant="ghost"
                  onClick={() => set(ranked.filter((c) => c !== code))}
                  aria-label={t("rankRemove", { option: label(code) })}
                >
                  {t("remove")}
                </Button>
              </li>
            ))}
          </ol>
        )}
      </div>
      <div>
        <h3 className="mb-2 text-sm font-semibold text-slate-700">{t("notRanked")}</h3>
        <ul className="space-y-2">
          {unranked.map((o) => (
            <li key={o.code} className="flex items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2">
              <span className="min-w-0 flex-1">{localizedText(o.label, locale)}</span>
              <Button
                type="button"
                size="sm"
                variant="secondary"
                disabled={ranked.length >= question.topN}
                onClick={() => set([...ranked, o.code])}
                aria-label={t("rankAdd", { option: localizedText(o.label, locale) })}
              >
                {t("add")}
              </Button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
