// Exports as background jobs at 1,000,000 responses, run on demand: for each format, one job
// through the worker's own handler (runDataJob: count, keyset-paged reads of 500 responses,
// the writer, 1 MiB pieces into data_job_chunk), with the time, the file's size, and the peak
// memory of both processes: the worker's (Node, resident set sampled every 100 ms) and its
// PostgreSQL backends' (private memory, RssAnon, so the shared buffers they touch do not count).
// Run it with NODE_OPTIONS=--max-old-space-size=… to show the worker needs no more than that.
// Usage: DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:export -- [csv] [xlsx] [sav] [dta]
// The database (sme_bench_dashboard, shared with bench/dashboard.ts) is kept between runs.
import { readFileSync } from "node:fs";
import v8 from "node:v8";
import pg from "pg";
import { createDbClient } from "../lib/db/create-client";
import { runDataJob } from "../lib/jobs/run-data-job";
import { prepareBenchDatabase } from "./dashboard-load";

const SERVER = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const RESPONSES = Number(process.env.BENCH_RESPONSES ?? 1_000_000);
const FORMATS = process.argv.slice(2).length ? process.argv.slice(2) : ["csv", "xlsx", "sav", "dta"];
const APPLICATION = "bench-export";

const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

/** kB fields of /proc/<pid>/status, 0 for a process gone. */
function procStatus(pid: number, field: string): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, "utf8")
      .split("\n")
      .find((l) => l.startsWith(`${field}:`));
    return line ? Number(line.split(/\s+/)[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

async function main() {
  const url = await prepareBenchDatabase(SERVER, "sme_bench_dashboard", RESPONSES);
  const appUrl = `${url}${url.includes("?") ? "&" : "?"}application_name=${APPLICATION}`;
  const db = createDbClient(appUrl, 4);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const survey = await db.survey.findUniqueOrThrow({ where: { slug: "jilin-2017" }, select: { id: true } });
  const researcher = await db.user.findUniqueOrThrow({ where: { email: "researcher@example.org" } });
  const total = await db.response.count({ where: { surveyId: survey.id } });
  console.log(`${total} responses; formats: ${FORMATS.join(", ")}\n`);
  console.log(`Node heap limit: ${mib(v8.getHeapStatistics().heap_size_limit)} MiB\n`);
  console.log(
    "| format | responses | file | time | responses/s | worker peak RSS | worker peak heap + buffers | PostgreSQL backend peak (private) |",
  );
  console.log("|---|---|---|---|---|---|---|---|");

  for (const format of FORMATS) {
    const job = await db.dataJob.create({
      data: {
        surveyId: survey.id,
        kind: "export",
        params: { query: { format, locale: "en" }, via: "session" },
        createdById: researcher.id,
      },
    });
    let nodePeak = 0;
    let heapPeak = 0;
    let pgPeak = 0;
    let backends: number[] = [];
    const sample = async () => {
      const memory = process.memoryUsage();
      nodePeak = Math.max(nodePeak, memory.rss);
      heapPeak = Math.max(heapPeak, memory.heapUsed + memory.external);
      const sum = backends.reduce((n, pid) => n + procStatus(pid, "RssAnon"), 0);
      pgPeak = Math.max(pgPeak, sum);
    };
    const findBackends = async () => {
      const { rows } = await admin.query(`SELECT pid FROM pg_stat_activity WHERE application_name = $1`, [APPLICATION]);
      backends = rows.map((r) => r.pid as number);
    };
    await findBackends();
    const timer = setInterval(() => void findBackends().then(sample), 100);
    const started = performance.now();
    await runDataJob(db, job.id);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(timer);
    await sample();
    const done = await db.dataJob.findUniqueOrThrow({ where: { id: job.id } });
    if (done.status !== "done") throw new Error(`${format}: ${done.status} ${JSON.stringify(done.result)}`);
    console.log(
      `| ${format} | ${done.done.toLocaleString("en")} | ${mib(Number(done.fileBytes))} MiB | ${seconds.toFixed(1)} s | ${Math.round(done.done / seconds).toLocaleString("en")} | ${mib(nodePeak)} MiB | ${mib(heapPeak)} MiB | ${mib(pgPeak)} MiB |`,
    );
    await db.dataJob.delete({ where: { id: job.id } });
  }
  await admin.end();
  await db.$disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
