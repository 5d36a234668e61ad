// GET /api/v1/surveys/{slug}/results/stream: server-sent events. `ready` once listening, then
// `results` each time a response to the survey is written (PostgreSQL LISTEN/NOTIFY) for members,
// and for the public at most every N seconds after at least k new valid responses (the survey's
// settings; lib/analytics/public-results-feed.ts), and a comment every 15 s to keep proxies from
// closing the stream. Same access as the results.
import { getActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/api-response";
import { findDashboardSurvey } from "@/lib/analytics/find-dashboard-survey";
import { subscribeToPublicResults } from "@/lib/analytics/public-results-feed";
import { subscribeToResults } from "@/lib/analytics/results-listener";
import { apiRoute, methodsNotAllowed } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

const KEEP_ALIVE_MS = 15_000;

export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const survey = await findDashboardSurvey({ db, slug, actor: await getActor(request) });
  if (!survey) return notFound("There is no survey at this address, or its results are not shared with you.");

  const encoder = new TextEncoder();
  let stop = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let open = true;
      const write = (text: string) => {
        if (open) controller.enqueue(encoder.encode(text));
      };
      const event = (name: string, data: unknown) => write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
      const notify = () => event("results", { at: new Date().toISOString() });
      const unsubscribe =
        survey.access === "member"
          ? await subscribeToResults(survey.id, notify)
          : await subscribeToPublicResults({ db, surveyId: survey.id, ...survey.publicUpdates }, notify);
      const keepAlive = setInterval(() => write(": keep-alive\n\n"), KEEP_ALIVE_MS);
      stop = () => {
        if (!open) return;
        open = false;
        clearInterval(keepAlive);
        unsubscribe();
        controller.close();
      };
      request.signal.addEventListener("abort", stop);
      write("retry: 2000\n\n");
      event("ready", { at: new Date().toISOString() });
    },
    cancel() {
      stop();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");
