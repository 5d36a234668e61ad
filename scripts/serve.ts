// Serves the production build: what `next start` did, plus one endpoint answered before Next.js,
// POST /api/v1/surveys/{slug}/responses (docs/decisions/029-submissions-beside-next.md). Used by
// `npm start`, the browser tests and the benchmarks, through scripts/lib/serve-command.ts, which
// sets PORT and HOSTNAME (`npm start` listens on every interface, as `next start` did; a
// container's own HOSTNAME is not an address to listen on). NEXT_DIST_DIR as for the build.
import "./peer-address.mjs";
import { createServer } from "node:http";
import { register } from "node:module";
import path from "node:path";
import next from "next";

// lib/ modules load only after this hook is in place (hence the dynamic import below).
register("./lib/module-aliases-hook.mjs", import.meta.url);
Object.assign(process.env, { NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" });

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";

async function main() {
  const app = next({ dev: false, hostname, port, dir: path.resolve(import.meta.dirname, "..") });
  await app.prepare();
  const handle = app.getRequestHandler();
  const { answerSubmission, submissionSlugOf } = await import("../lib/responses/submission-endpoint");
  const server = createServer((req, res) => {
    const slug = submissionSlugOf(req);
    if (slug === null) return void handle(req, res);
    answerSubmission(req, res, slug).catch((error: unknown) => {
      console.error(error);
      res.destroy();
    });
  });
  server.listen(port, hostname, () => console.log(`Serving on http://${hostname}:${port}`));
  // Requests in flight finish; open live streams get a few seconds before the process ends.
  const stop = () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
