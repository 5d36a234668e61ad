import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { validityRate } from "@/lib/analytics/statistics";
import { publicSurveySummary } from "@/lib/surveys/public-survey-summary";

const DEMO_SLUG = "jilin-2017";

// Counts change as responses arrive: render per request.
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const t = await getTranslations("home");
  const format = await getFormatter();
  const locale = await getLocale();
  const demo = await publicSurveySummary(DEMO_SLUG);
  const { delivered, valid } = demo?.counts ?? { delivered: null, valid: null };
  const rate = delivered !== null && valid !== null ? validityRate(valid, delivered) : null;

  return (
    <div className="space-y-10">
      <section className="max-w-3xl">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{t("title")}</h1>
        <p className="mt-4 text-lg leading-relaxed text-slate-700">{t("lead")}</p>
      </section>

      <Card aria-labelledby="demo-title" className="border-brand-100 bg-brand-50">
        <CardTitle id="demo-title">{demo ? (locale === "zh" ? demo.titleZh : demo.titleEn) : t("demoTitle")}</CardTitle>
        {demo ? (
          <>
            <p className="mt-2 text-slate-700" data-testid="demo-counts">
              {t("demoBody", {
                delivered: delivered ?? "–",
                valid: valid ?? "–",
                validityRate: rate === null ? "–" : format.number(rate, { style: "percent", maximumFractionDigits: 1 }),
              })}
            </p>
            <div className="mt-4 flex flex-wrap gap-3">
              <Button asChild>
                <Link href={`/s/${DEMO_SLUG}`}>{t("openSurvey")}</Link>
              </Button>
              <Button asChild variant="secondary">
                <Link href={`/surveys/${DEMO_SLUG}/dashboard`}>{t("openDashboard")}</Link>
              </Button>
            </div>
          </>
        ) : (
          <p className="mt-2 text-slate-700">{t("demoMissing")}</p>
        )}
      </Card>

      <div className="grid gap-4 md:grid-cols-3">
        {(["forFirms", "forResearchers", "forAnalysts"] as const).map((key) => (
          <Card key={key}>
            <CardTitle>{t(key)}</CardTitle>
            <p className="mt-2 text-sm leading-relaxed text-slate-600">{t(`${key}Body`)}</p>
          </Card>
        ))}
      </div>
    </div>
  );
}
