"use client";
// Two factors of one level, answered by the same firms, compared with McNemar's test: pick the
// level and the two factors (held in the URL as pair_level, pair_a, pair_b), read the result in
// words.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useOptimistic, useTransition } from "react";
import { useTranslations } from "next-intl";
import { formatPercent } from "@/lib/analytics/to-chart-bars";
import { formatP } from "@/lib/analytics/to-comparison-bars";
import { SIGNIFICANCE } from "@/lib/analytics/to-comparison";
import type { PairedComparison as Paired } from "@/lib/analytics/to-paired-comparison";
import type { FactorLevel } from "@/lib/questionnaire/definition-schema";

type Props = {
  levels: { level: FactorLevel; factors: { code: string; label: string }[] }[];
  result: Paired | null;
};

export function PairedComparison({ levels, result }: Props) {
  const t = useTranslations("dashboard");
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const [pending, startTransition] = useTransition();
  const [query, setQuery] = useOptimistic(search.toString());
  const current = new URLSearchParams(query);
  const level = current.get("pair_level") ?? "";
  const factors = levels.find((l) => l.level === level)?.factors ?? [];

  const set = (changes: Record<string, string>) => {
    const next = new URLSearchParams(query);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    startTransition(() => {
      setQuery(next.toString());
      router.replace(`${pathname}?${next.toString()}`, { scroll: false });
    });
  };
  const field = "min-h-11 w-full rounded-md border border-slate-300 bg-white px-2 text-sm";
  return (
    <section
      aria-labelledby="paired-title"
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      aria-busy={pending}
    >
      <h2 id="paired-title" className="text-base font-semibold">
        {t("paired.title")}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t("paired.lead")}</p>
      <div className="mt-3 grid gap-3 sm:grid-cols-3">
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">{t("paired.level")}</span>
          <select
            className={field}
            value={level}
            onChange={(e) => set({ pair_level: e.target.value, pair_a: "", pair_b: "" })}
          >
            <option value="">–</option>
            {levels.map((l) => (
              <option key={l.level} value={l.level}>
                {t(`paired.levels.${l.level}`)}
              </option>
            ))}
          </select>
        </label>
        {(["pair_a", "pair_b"] as const).map((key) => (
          <label key={key} className="block text-sm">
            <span className="mb-1 block font-medium text-slate-700">{t(`paired.${key}`)}</span>
            <select
              className={field}
              value={current.get(key) ?? ""}
              disabled={!level}
              onChange={(e) => set({ [key]: e.target.value })}
            >
              <option value="">–</option>
              {factors.map((f) => (
                <option key={f.code} value={f.code}>
                  {f.label}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      {result && (
        <div className="mt-3 text-sm" role="status" data-testid="paired-finding">
          <PairedFinding result={result} />
          {result.perturbed && <p className="mt-1 text-xs text-slate-600">{t("perturbedNote")}</p>}
        </div>
      )}
    </section>
  );
}

function PairedFinding({ result }: { result: Paired }) {
  const t = useTranslations("dashboard");
  if (result.suppressed) return <p className="text-amber-900">{t("suppressed", { threshold: result.threshold })}</p>;
  if (!result.n || !result.test) return <p>{t("paired.empty")}</p>;
  const { a, b, test } = result;
  const method = t(`paired.methods.${test.method}`);
  const p = formatP(test.p);
  return (
    <p>
      {t("paired.finding", {
        n: result.n,
        a: a.label,
        b: b.label,
        shareA: formatPercent(a.share!),
        shareB: formatPercent(b.share!),
        onlyA: result.onlyA!,
        onlyB: result.onlyB!,
      })}{" "}
      {test.p < SIGNIFICANCE
        ? t("paired.significant", { more: a.share! > b.share! ? a.label : b.label, method, p })
        : t("paired.notSignificant", { method, p })}
    </p>
  );
}
