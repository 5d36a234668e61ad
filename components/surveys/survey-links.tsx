// Where a survey is answered and read: the open link with its QR code, the dashboard, the
// report, the responses, paper entry and the data export.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, CardTitle } from "@/components/ui/card";
import { publicBaseUrl, qrCodeSvg, respondentPath } from "@/lib/surveys/public-url";

export async function SurveyLinks({ slug, canManage }: { slug: string; canManage: boolean }) {
  const t = await getTranslations("surveys.links");
  const url = (await publicBaseUrl()) + respondentPath(slug);
  const svg = await qrCodeSvg(url);
  return (
    <Card>
      <CardTitle>{t("title")}</CardTitle>
      <div className="mt-3 flex flex-col gap-4 sm:flex-row">
        {/* The SVG is generated on the server from our own URL by the qrcode library. */}
        <div
          role="img"
          aria-label={t("qrLabel", { url })}
          className="size-40 shrink-0"
          dangerouslySetInnerHTML={{ __html: svg }}
          data-testid="qr-code"
        />
        <div className="min-w-0 space-y-2 text-sm">
          <p>
            {t("openLink")}{" "}
            <a href={url} className="break-all text-brand-700 underline" data-testid="respondent-link">
              {url}
            </a>
          </p>
          <ul className="flex flex-wrap gap-x-4 gap-y-2">
            <li>
              <Link className="underline" href={`/surveys/${slug}/dashboard`}>
                {t("dashboard")}
              </Link>
            </li>
            <li>
              <Link className="underline" href={`/surveys/${slug}/report`}>
                {t("report")}
              </Link>
            </li>
            {canManage && (
              <>
                <li>
                  <Link className="underline" href={`/surveys/${slug}/responses`}>
                    {t("responses")}
                  </Link>
                </li>
                <li>
                  <Link className="underline" href={`/surveys/${slug}/paper`}>
                    {t("paper")}
                  </Link>
                </li>
                <li>
                  <Link className="underline" href={`/surveys/${slug}/import`}>
                    {t("importResponses")}
                  </Link>
                </li>
                <li>
                  <a className="underline" href={`/surveys/${slug}/qr`} download>
                    {t("downloadQr")}
                  </a>
                </li>
                <li>
                  <Link className="underline" href={`/surveys/${slug}/weighting`}>
                    {t("weighting")}
                  </Link>
                </li>
                <li>
                  {/* Exports are background jobs: the panel below starts one and lists its file. */}
                  <a className="underline" href="#export-title">
                    {t("exportCsv")}
                  </a>
                </li>
              </>
            )}
          </ul>
        </div>
      </div>
    </Card>
  );
}
