// Fault and fuzz run (issue 13), bounded and on localhost only. Against a production build:
//  1. a 200 MiB chunked POST to the submission endpoint: how much the server reads before its
//     413, and its resident memory before and after;
//  2. 2,000 random and hostile bodies (fast-check): every answer a JSON 4xx, nothing stored;
//  3. 3,000 submissions from 30 clients while the database goes away twice, through a TCP
//     proxy between the app and PostgreSQL (the machine's server is shared, so it is never
//     restarted itself): 12 s stalled (connections kept, nothing forwarded, like a stopped
//     process), then 5 s refused (like a restart). Clients resend the same body after a 503, as
//     the respondent form does. Counts 503s with and without Retry-After, other failures, and
//     lost or doubled responses. Twenty member dashboards keep a results stream open through the
//     outage: how long after the database is back each one is told to refetch.
// NEXT_DIST_DIR=.next-bench DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:faults
import { randomUUID } from "node:crypto";
import net from "node:net";
import fc from "fast-check";
import { createDbClient } from "../lib/db/create-client";
import { JILIN_ANSWERS } from "../tests/fixtures/respondent-surveys";
import { openResultsStream } from "./results-stream";
import { memberToken, rssMb, startBenchServer } from "./submit-server";

/** A TCP proxy to PostgreSQL that can stall (hold every byte) or refuse (drop and reject). */
function faultProxy(target: { host: string; port: number }) {
  let mode: "pass" | "stall" | "refuse" = "pass";
  const pairs = new Set<[net.Socket, net.Socket]>();
  const server = net.createServer((client) => {
    if (mode === "refuse") return client.destroy();
    const upstream = net.connect(target.port, target.host);
    const pair: [net.Socket, net.Socket] = [client, upstream];
    pairs.add(pair);
    const forward = (from: net.Socket, to: net.Socket) =>
      from.on("data", (chunk) => {
        if (mode === "pass") to.write(chunk);
      });
    forward(client, upstream);
    forward(upstream, client);
    const close = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on("close", close).on("error", close);
    upstream.on("close", close).on("error", close);
  });
  return {
    listen: () =>
      new Promise<number>((r) => server.listen(0, "127.0.0.1", () => r((server.address() as net.AddressInfo).port))),
    set(next: typeof mode) {
      mode = next;
      if (next !== "refuse") return;
      for (const [a, b] of pairs) {
        a.destroy();
        b.destroy();
      }
    },
    close: () => new Promise((r) => server.close(r)),
  };
}

async function oversized(url: string, pid: number) {
  const before = rssMb(pid);
  let sent = 0;
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= 200 * 1024 * 1024) return controller.close();
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  const started = performance.now();
  const res = await fetch(`${url}/api/v1/surveys/jilin-try/responses`, {
    method: "POST",
    body,
    headers: { "content-type": "application/json" },
    duplex: "half",
  } as RequestInit).catch((e: Error) => ({ status: `closed (${e.message})`, text: async () => "" }));
  const ms = Math.round(performance.now() - started);
  console.log(
    `200 MiB chunked POST: ${res.status} after ${ms} ms, ${Math.round(sent / 1024)} KiB sent; RSS ${before} → ${rssMb(pid)} MB`,
  );
}

async function fuzz(url: string) {
  const hostile = fc.oneof(fc.anything(), fc.constantFrom(true, {}, [], 1e308, "a\u0000b", "\ud800"));
  const bodies = fc.sample(
    fc.oneof(
      fc.string({ unit: "binary" }),
      fc.json(),
      fc
        .record({
          submissionId: fc.oneof(fc.uuid(), fc.string()),
          locale: hostile,
          answers: fc.dictionary(fc.string(), hostile),
        })
        .map((b) => JSON.stringify({ ...b, answers: { ...b.answers, "no such question": 1 } })),
    ),
    2000,
  );
  const tally = new Map<string, number>();
  let notJson = 0;
  for (let i = 0; i < bodies.length; i += 20)
    await Promise.all(
      bodies.slice(i, i + 20).map(async (raw, j) => {
        const res = await fetch(`${url}/api/v1/surveys/jilin-try/responses`, {
          method: "POST",
          body: raw,
          headers: { "content-type": "application/json", "x-forwarded-for": `198.19.${(i + j) >> 8}.${(i + j) & 255}` },
        });
        if (!res.headers.get("content-type")?.includes("application/json")) notJson++;
        await res.text();
        tally.set(String(res.status), (tally.get(String(res.status)) ?? 0) + 1);
      }),
    );
  console.log(`fuzz, ${bodies.length} bodies: ${JSON.stringify(Object.fromEntries(tally))}, not JSON: ${notJson}`);
}

async function outage(url: string, proxy: ReturnType<typeof faultProxy>, token: string) {
  const TOTAL = 3000;
  const CLIENTS = 30;
  const counts = { created: 0, replayed: 0, unavailable: 0, unavailableWithoutRetryAfter: 0, other: 0 };
  let maxMs = 0;
  let next = 0;
  const ids: string[] = [];
  const client = async (c: number) => {
    while (next < TOTAL) {
      const submissionId = randomUUID();
      ids[next++] = submissionId;
      const body = JSON.stringify({ submissionId, locale: "en", answers: JILIN_ANSWERS });
      for (;;) {
        const started = performance.now();
        const res = await fetch(`${url}/api/v1/surveys/jilin-try/responses`, {
          method: "POST",
          body,
          headers: { "content-type": "application/json", "x-forwarded-for": `198.20.0.${c}` },
        }).catch(() => null);
        maxMs = Math.max(maxMs, performance.now() - started);
        if (res?.status === 201 || res?.status === 200) {
          counts[res.status === 201 ? "created" : "replayed"]++;
          break;
        }
        if (res?.status === 503) {
          counts.unavailable++;
          if (!res.headers.get("retry-after")) counts.unavailableWithoutRetryAfter++;
        } else counts.other++;
        await res?.text();
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  };
  const streams = Array.from({ length: 20 }, () => openResultsStream(url, token));
  await Promise.all(streams.map((s) => s.ready));
  let back = 0;
  const faults = (async () => {
    await new Promise((r) => setTimeout(r, 3000));
    proxy.set("stall");
    await new Promise((r) => setTimeout(r, 12_000));
    proxy.set("refuse");
    await new Promise((r) => setTimeout(r, 5000));
    proxy.set("pass");
    back = performance.now();
  })();
  const started = performance.now();
  await Promise.all([faults, ...Array.from({ length: CLIENTS }, (_, c) => client(c))]);
  const refetchMs = streams.map((s) => {
    const first = s.events.find((e) => e.at >= back)?.at;
    return first === undefined ? Infinity : Math.round(first - back);
  });
  const dashboards = {
    streams: streams.length,
    closed: streams.filter((s) => s.closed()).length,
    toldToRefetch: refetchMs.filter(Number.isFinite).length,
    slowestMs: Math.max(...refetchMs),
  };
  for (const s of streams) s.close();
  return {
    counts,
    ids,
    dashboards,
    seconds: Math.round((performance.now() - started) / 1000),
    maxMs: Math.round(maxMs),
  };
}

async function main() {
  const proxy = faultProxy({ host: "127.0.0.1", port: Number(new URL(process.env.DATABASE_URL!).port || 5432) });
  const proxyPort = await proxy.listen();
  const server = await startBenchServer({
    port: Number(process.env.BENCH_PORT ?? 3391),
    env: {
      RESPONSES_RATE_LIMIT_PER_MINUTE: "100000",
      DATABASE_CONNECT_TIMEOUT_MS: "2000",
      DATABASE_STATEMENT_TIMEOUT_MS: "5000",
    },
    appDatabaseUrl: (u) => {
      const viaProxy = new URL(u);
      viaProxy.host = `127.0.0.1:${proxyPort}`;
      return viaProxy.toString();
    },
  });
  const db = createDbClient(server.databaseUrl, 2);
  try {
    await oversized(server.url, server.pid);
    const before = await db.response.count();
    await fuzz(server.url);
    console.log(`stored by the fuzz run: ${(await db.response.count()) - before}`);
    const run = await outage(server.url, proxy, await memberToken(db));
    const stored = await db.response.groupBy({
      by: ["submissionId"],
      where: { submissionId: { in: run.ids } },
      _count: true,
    });
    const doubled = stored.filter((s) => s._count > 1).length;
    console.log(
      `outage run, ${run.ids.length} submissions in ${run.seconds} s: ${JSON.stringify(run.counts)}, slowest answer ${run.maxMs} ms; ` +
        `stored ${stored.length}, lost ${run.ids.length - stored.length}, doubled ${doubled}`,
    );
    console.log(
      `open dashboards: ${run.dashboards.streams} streams, ${run.dashboards.closed} closed, ` +
        `${run.dashboards.toldToRefetch} told to refetch after the database returned, slowest ${run.dashboards.slowestMs} ms`,
    );
  } finally {
    await db.$disconnect();
    await server.stop();
    await proxy.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
