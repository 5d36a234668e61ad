// GET /api/v1/surveys/{slug}/results/stream?<the dashboard's query>: server-sent events. `ready`
// once listening, then `results` with the dashboard's figures for that query ({at, figures}: the
// attention shares per level, the composition, group and paired comparisons, the screening
// summary) each time they change: for members at most every 250 ms while responses arrive, for
// the public at most every N seconds after at least k new valid responses (the survey's
// settings). Streams with the same view share one computation (lib/analytics/live-dashboards.ts).
// Events carry ids, so a browser coming back sends Last-Event-ID and is sent the figures at once.
// A comment every 15 s keeps proxies from closing the stream. Same access as the results.
import { resolveResultsRequest, resultsErrorResponse } from "@/lib/analytics/resolve-results-request";
import { watchDashboard } from "@/lib/analytics/live-dashboards";
import { apiRoute, methodsNotAllowed } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

const KEEP_ALIVE_MS = 15_000;

export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const search = new URL(request.url).searchParams;
  const resolved = await resolveResultsRequest(slug, search, request);
  if ("error" in resolved) return resultsErrorResponse(resolved);

  const encoder = new TextEncoder();
  let stop = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let open = true;
      const write = (text: string) => {
        if (open) controller.enqueue(encoder.encode(text));
      };
      let sent = 0;
      const unsubscribe = await watchDashboard(
        {
          survey: resolved.survey,
          actor: resolved.actor,
          locale: resolved.locale,
          search,
          reconnected: request.headers.has("last-event-id"),
        },
        (payload) => write(`id: ${++sent}\nevent: results\ndata: ${payload}\n\n`),
      );
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
      write(`event: ready\ndata: ${JSON.stringify({ at: new Date().toISOString() })}\n\n`);
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
