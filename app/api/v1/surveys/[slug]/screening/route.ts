// POST /api/v1/surveys/{slug}/screening: apply the survey's current minimum completion time to the
// responses already stored (too fast: screened out; no longer too fast: restored), audited.
// Researchers and owners (responses.write).
import { z } from "zod";
import { getActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { apiTranslator } from "@/lib/i18n/api-translator";
import { answer, notFound, unauthorized } from "@/lib/http/api-response";
import { apiRoute, methodsNotAllowed } from "@/lib/http/api-route";
import { reapplyMinimumTime } from "@/lib/responses/reapply-minimum-time";
import { RescreeningSchema } from "@/lib/responses/response-api-schemas";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async (request: Request, ctx: { params: Promise<{ slug: string }> }) => {
  const actor = await getActor(request);
  if (!actor) return unauthorized();
  const t = await apiTranslator(request);
  const outcome = await reapplyMinimumTime({ db, actor, slug: (await ctx.params).slug });
  if (outcome.kind === "not_found") return notFound(t("surveys.rescreen.notFound"));
  const { kind: _, ...counts } = outcome;
  return answer(RescreeningSchema, counts satisfies z.input<typeof RescreeningSchema>);
});

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed("POST");
