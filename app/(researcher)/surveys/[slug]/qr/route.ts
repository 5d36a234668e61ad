// GET /surveys/{slug}/qr: the survey's open link as an SVG QR code file, for print.
import { getActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { notFound, unauthorized } from "@/lib/http/api-response";
import { getSurvey } from "@/lib/surveys/get-survey";
import { publicBaseUrl, qrCodeSvg, respondentPath } from "@/lib/surveys/public-url";

export async function GET(_request: Request, ctx: { params: Promise<{ slug: string }> }) {
  const actor = await getActor();
  if (!actor) return unauthorized();
  const { slug } = await ctx.params;
  const survey = await getSurvey({ db, actor, slug, minimum: "researcher" });
  if (!survey) return notFound("No survey with this address.");
  const svg = await qrCodeSvg((await publicBaseUrl()) + respondentPath(survey.slug));
  return new Response(svg, {
    headers: { "Content-Type": "image/svg+xml", "Content-Disposition": `attachment; filename="${survey.slug}-qr.svg"` },
  });
}
