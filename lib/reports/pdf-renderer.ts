// Prints an HTML page to PDF with Chromium (docs/decisions/024-report-pdf-with-chromium.md): the
// installed browser (Debian's /usr/bin/chromium, or CHROMIUM_PATH), never a downloaded one, one
// per server, started at the first PDF and reused; at most REPORT_PDF_CONCURRENCY pages print
// at once, and a PDF not done within REPORT_PDF_TIMEOUT_MS (waiting included) fails. The page
// reaches nothing outside: its document and fonts are answered here, every other request refused.
import "server-only";
import fs from "node:fs";
import { chromium, type Browser, type BrowserContext, type Route } from "playwright-core";
import { env } from "@/lib/env";
import { PdfUnavailableError } from "./pdf-unavailable-error";
import { PRINT_FONT_PATH, PRINT_ORIGIN, printFont } from "./print-document";

/** The flags the browser tests use too (tests/setup/chromium.ts): nothing reaches for Google's services. */
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
const SYSTEM_CHROMIUMS = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

type RendererState = { browser: Promise<Browser> | null; printing: number; queue: (() => void)[] };
// Kept across hot reloads in development, like the database client: one browser per server.
const holder = globalThis as unknown as { reportPdfRenderer?: RendererState };
const state: RendererState = (holder.reportPdfRenderer ??= { browser: null, printing: 0, queue: [] });

function executablePath(): string {
  const configured = env().CHROMIUM_PATH;
  const found = (configured ? [configured] : SYSTEM_CHROMIUMS).find((p) => fs.existsSync(p));
  if (!found)
    throw new PdfUnavailableError(
      `No Chromium at ${configured ?? SYSTEM_CHROMIUMS.join(" or ")} on this server, so reports cannot be printed as PDF (Debian: apt-get install chromium).`,
    );
  return found;
}

function browser(): Promise<Browser> {
  if (!state.browser) {
    const launched = chromium.launch({
      executablePath: executablePath(),
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: env().REPORT_PDF_TIMEOUT_MS,
    });
    state.browser = launched;
    const forget = () => {
      if (state.browser === launched) state.browser = null;
    };
    // A browser that crashed or failed to start is started afresh by the next PDF.
    launched.then((b) => b.on("disconnected", forget), forget);
  }
  return state.browser;
}

/** Waits for one of the printing slots until `deadline`. */
function takeSlot(deadline: number): Promise<void> {
  if (state.printing < env().REPORT_PDF_CONCURRENCY) {
    state.printing++;
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    const turn = () => {
      clearTimeout(timer);
      state.printing++;
      resolve();
    };
    const timer = setTimeout(() => {
      state.queue = state.queue.filter((waiting) => waiting !== turn);
      reject(new PdfUnavailableError("The server is printing other reports; try again in a minute."));
    }, deadline - Date.now());
    state.queue.push(turn);
  });
}

function releaseSlot() {
  state.printing--;
  state.queue.shift()?.();
}

/** Answers the page's own requests (the document, its fonts) and refuses everything else. */
function servePrintRequests(html: string) {
  return async (route: Route) => {
    const url = new URL(route.request().url());
    if (url.origin !== PRINT_ORIGIN) return route.abort("blockedbyclient");
    if (url.pathname === "/")
      return route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html });
    const font = url.pathname.startsWith(PRINT_FONT_PATH)
      ? await printFont(url.pathname.slice(PRINT_FONT_PATH.length))
      : null;
    if (!font) return route.abort("blockedbyclient");
    return route.fulfill({ status: 200, contentType: "font/woff2", body: font });
  };
}

/** One PDF being printed: its browser context, closed at once when it runs out of time. */
type PrintJob = { context: BrowserContext | null; timedOut: boolean };

async function print(html: string, job: PrintJob): Promise<Uint8Array> {
  try {
    job.context = await (await browser()).newContext();
    if (job.timedOut) throw new Error("timed out before the page opened");
    const page = await job.context.newPage();
    await page.route("**/*", servePrintRequests(html));
    await page.goto(`${PRINT_ORIGIN}/`, { waitUntil: "load" });
    // Every font the text needs is in before printing (a missing one would print blank boxes).
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return await page.pdf({
      format: "A4",
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      // Digits only: the header and footer are drawn without the page's web fonts.
      footerTemplate:
        '<div style="width:100%;font-size:8px;text-align:center;color:#000"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
    });
  } finally {
    await job.context?.close().catch(() => undefined);
  }
}

/** The page printed as an A4 PDF; PdfUnavailableError when that cannot be done in time. */
export async function printPdf(html: string): Promise<Uint8Array> {
  const timeoutMs = env().REPORT_PDF_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  await takeSlot(deadline);
  const job: PrintJob = { context: null, timedOut: false };
  // Closing the context ends whatever the page is doing, so the slot is free when this returns.
  const timer = setTimeout(() => {
    job.timedOut = true;
    void job.context?.close().catch(() => undefined);
  }, deadline - Date.now());
  try {
    return await print(html, job);
  } catch (error) {
    if (job.timedOut)
      throw new PdfUnavailableError(`The PDF was not ready within ${timeoutMs / 1000} s; try again later.`);
    if (error instanceof PdfUnavailableError) throw error;
    // The browser's own error is for the server's log, not for the caller.
    console.error(error);
    throw new PdfUnavailableError("The PDF could not be printed on the server; the error was logged.");
  } finally {
    clearTimeout(timer);
    releaseSlot();
  }
}

/** Closes the browser (tests, and a server shutting down). */
export async function closePdfRenderer(): Promise<void> {
  const running = state.browser;
  state.browser = null;
  await (await running?.catch(() => null))?.close();
}
