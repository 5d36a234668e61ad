// First-load JavaScript of /s/[slug]: every script the page's HTML loads, gzipped as served.
// Needs a production build (NEXT_DIST_DIR, default .next) and DATABASE_URL (a PostgreSQL server).
//   NEXT_DIST_DIR=.next-bench npx next build && DATABASE_URL=postgresql://… NEXT_DIST_DIR=.next-bench npm run bench:submit-js
import { gzipSync } from "node:zlib";
import { startBenchServer } from "./submit-server";

const BUDGET_KB = 150;

async function main() {
  const server = await startBenchServer({ port: Number(process.env.BENCH_PORT ?? 3190) });
  try {
    const html = await (await fetch(`${server.url}/s/jilin-try`)).text();
    // Polyfills carry `nomodule`: browsers that run modules (all the form supports) never load them.
    const tags = [...html.matchAll(/<script([^>]*)\ssrc="([^"]+)"[^>]*>/g)];
    const skipped = tags.filter((m) => /nomodule/i.test(m[0])).map((m) => m[2]);
    const sources = [...new Set(tags.filter((m) => !/nomodule/i.test(m[0])).map((m) => m[2]))];
    for (const src of skipped) console.log(`   (not loaded by module browsers: ${src})`);
    let total = 0;
    for (const src of sources) {
      const body = Buffer.from(await (await fetch(new URL(src, server.url))).arrayBuffer());
      const gz = gzipSync(body, { level: 9 }).length;
      total += gz;
      console.log(`${(gz / 1024).toFixed(1).padStart(7)} kB  ${src}`);
    }
    const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join("");
    const inlineGz = gzipSync(Buffer.from(inline), { level: 9 }).length;
    console.log(
      `${(inlineGz / 1024).toFixed(1).padStart(7)} kB  inline scripts (RSC payload, including the questionnaire)`,
    );
    console.log(
      `\nFirst-load JavaScript of /s/jilin-try: ${(total / 1024).toFixed(1)} kB gzipped in ${sources.length} files (budget ${BUDGET_KB} kB)`,
    );
    console.log(`With inline scripts: ${((total + inlineGz) / 1024).toFixed(1)} kB`);
    process.exitCode = total / 1024 <= BUDGET_KB ? 0 : 1;
  } finally {
    await server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
