// GET /api/v1/surveys/{slug}/invitations[?collector=…&cursor=…&limit=…]: the survey's invitations,
// whether each was used and by which response (never the tokens: only their hashes are kept).
// POST: a new invitation list from JSON rows or a CSV file; each firm's token and link are
// answered once.
import { getActor } from "@/lib/auth/actor";
import { roleFor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { decodeCursor } from "@/lib/http/cursor";
import { answer, readJsonBody, readQuery, unauthorized, validationFailed } from "@/lib/http/api-response";
import { apiRoute, methodsNotAllowed } from "@/lib/http/api-route";
import { createInvitations } from "@/lib/surveys/create-invitations";
import { getSurvey } from "@/lib/surveys/get-survey";
import { invitationIssues } from "@/lib/surveys/invitation-issues";
import { listInvitations } from "@/lib/surveys/list-invitations";
import { checkInvitationRows, parseInvitationCsv } from "@/lib/surveys/parse-invitation-csv";
import { publicBaseUrl, respondentPath } from "@/lib/surveys/public-url";
import {
  CreateInvitationsBodySchema,
  CreatedInvitationsSchema,
  InvitationCursorSchema,
  InvitationListQuerySchema,
  InvitationPageSchema,
} from "@/lib/surveys/survey-api-schemas";
import { surveyRefusal } from "@/lib/surveys/survey-refusal";

type Ctx = { params: Promise<{ slug: string }> };
const MAX_BODY_BYTES = 2 * 1024 * 1024;

export const GET = apiRoute(async (request: Request, ctx: Ctx) => {
  const actor = await getActor(request);
  if (!actor) return unauthorized();
  const { slug } = await ctx.params;
  const survey = await getSurvey({ db, actor, slug, minimum: roleFor("surveys.manage") });
  if (!survey) return surveyRefusal({ db, actor, slug, permission: "surveys.manage" });
  const query = readQuery(new URL(request.url).searchParams, InvitationListQuerySchema);
  if ("response" in query) return query.response;
  const after = query.data.cursor ? decodeCursor(query.data.cursor, InvitationCursorSchema) : undefined;
  if (after === null) return validationFailed([{ path: ["cursor"], message: "This is not a cursor of this list." }]);
  const page = await listInvitations({
    db,
    surveyId: survey.id,
    collectorId: query.data.collector,
    after,
    limit: query.data.limit,
  });
  return answer(InvitationPageSchema, page);
});

export const POST = apiRoute(async (request: Request, ctx: Ctx) => {
  const actor = await getActor(request);
  if (!actor) return unauthorized();
  const { slug } = await ctx.params;
  const survey = await getSurvey({ db, actor, slug, minimum: roleFor("surveys.manage") });
  if (!survey) return surveyRefusal({ db, actor, slug, permission: "surveys.manage" });
  const body = await readJsonBody(request, CreateInvitationsBodySchema, MAX_BODY_BYTES);
  if ("response" in body) return body.response;
  const { name, invitations, csv } = body.data;
  // The same rules as the survey page's upload (parse-invitation-csv.ts), for either form.
  const checked =
    csv !== undefined
      ? parseInvitationCsv(csv)
      : checkInvitationRows(
          (invitations ?? []).map((row, i) => ({
            line: i + 1,
            firmName: row.firmName,
            contact: row.contact ?? "",
            firmIdentifier: row.firmIdentifier ?? "",
          })),
        );
  if (checked.errors.length)
    return validationFailed(
      invitationIssues(checked.errors, csv !== undefined ? "csv" : "invitations"),
      "The invitation list has problems to fix.",
    );
  const created = await createInvitations({ db, actor, slug, name, rows: checked.rows });
  if (!created) return surveyRefusal({ db, actor, slug, permission: "surveys.manage" });
  const base = await publicBaseUrl(request.headers);
  return answer(
    CreatedInvitationsSchema,
    {
      collectorId: created.collectorId,
      invitations: created.invitations.map((i) => ({ ...i, link: base + respondentPath(slug, i.token) })),
    },
    { status: 201 },
  );
});

export const { PUT, PATCH, DELETE } = methodsNotAllowed("GET", "POST");
