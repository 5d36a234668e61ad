import type { ReactNode } from "react";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { validityRate } from "@/lib/analytics/statistics";
import { PAPER_SURVEY_SLUG, TRY_SURVEY_SLUG } from "@/lib/demo/demo-surveys";
import type { Locale } from "@/lib/questionnaire/definition-schema";
import { displayName } from "@/lib/questionnaire/localized-text";
import { publicSurveySummary, type PublicSurveySummary } from "@/lib/surveys/public-survey-summary";

/** One demo survey: what it is, its counts (`{id}-counts`) and where to go from here. */
function DemoSurveyCard(props: {
  id: string;
  heading: string;
  surveyTitle: string;
  body: string;
  highlighted?: boolean;
  children: ReactNode;
}) {
  return (
    <Card
      aria-labelledby={`${props.id}-title`}
      className={props.highlighted ? "border-brand-100 bg-brand-50" : undefined}
    >
      <CardTitle id={`${props.id}-title`}>{props.heading}</CardTitle>
      <p className="mt-1 text-sm text-slate-600">{props.surveyTitle}</p>
      <p className="mt-2 text-slate-700" data-testid={`${props.id}-counts`}>
        {props.body}
      </p>
      <div className="mt-4 flex flex-wrap gap-3">{props.children}</div>
    </Card>
  );
}

// Counts change as responses arrive: render per request.
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const t = await getTranslations("home");
  const format = await getFormatter();
  const locale = (await getLocale()) as Locale;
  const [paper, trial] = await Promise.all([
    publicSurveySummary(PAPER_SURVEY_SLUG),
    publicSurveySummary(TRY_SURVEY_SLUG),
  ]);
  const counts = (survey: PublicSurveySummary) => {
    const { delivered, valid } = survey.counts;
    const rate = delivered !== null && valid !== null ? validityRate(valid, delivered) : null;
    return {
      delivered: delivered ?? "–",
      valid: valid ?? "–",
      validityRate: rate === null ? "–" : format.number(rate, { style: "percent", maximumFractionDigits: 1 }),
    };
  };
  const title = (survey: PublicSurveySummary) =>
    displayName({ code: survey.slug, title: { zh: survey.titleZh, en: survey.titleEn } }, locale);

  return (
    <div className="space-y-10">
      <section className="max-w-3xl">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{t("title")}</h1>
        <p className="mt-4 text-lg leading-relaxed text-slate-700">{t("lead")}</p>
      </section>

      {paper || trial ? (
        <div className="grid gap-4 md:grid-cols-2">
          {trial && (
            <DemoSurveyCard
              id="try"
              heading={t("tryTitle")}
              surveyTitle={title(trial)}
              body={t("tryBody", counts(trial))}
              highlighted
            >
              <Button asChild>
                <Link href={`/s/${TRY_SURVEY_SLUG}`}>{t("trySurvey")}</Link>
              </Button>
              <Button asChild variant="secondary">
                <Link href={`/surveys/${TRY_SURVEY_SLUG}/dashboard`}>{t("tryDashboard")}</Link>
              </Button>
            </DemoSurveyCard>
          )}
          {paper && (
            <DemoSurveyCard
              id="demo"
              heading={t("paperTitle")}
              surveyTitle={title(paper)}
              body={t("demoBody", counts(paper))}
            >
              <Button asChild variant="secondary">
                <Link href={`/surveys/${PAPER_SURVEY_SLUG}/dashboard`}>{t("paperDashboard")}</Link>
              </Button>
            </DemoSurveyCard>
          )}
        </div>
      ) : (
        <Card aria-labelledby="demo-title" className="border-brand-100 bg-brand-50">
          <CardTitle id="demo-title">{t("demoTitle")}</CardTitle>
          <p className="mt-2 text-slate-700">{t("demoMissing")}</p>
        </Card>
      )}

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
