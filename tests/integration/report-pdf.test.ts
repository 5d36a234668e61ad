// The survey report as a PDF (issue 11), its route handler called as a plain function against a
// real PostgreSQL and Debian's Chromium: the text read back with pdftotext carries the figures the
// attention API gives (members exact, the public perturbed), the Chinese PDF embeds Noto Sans SC,
// and the report is refused exactly where the dashboard is.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { createApiToken } from "@/lib/auth/create-api-token";
import { createDbClient, type Db } from "@/lib/db/create-client";
import { formatPercent } from "@/lib/analytics/to-chart-bars";
import { QuestionnaireDefinitionSchema } from "@/lib/questionnaire/definition-schema";
import { PAPER_SURVEY_SLUG } from "@/lib/demo/demo-surveys";
import { seedDemo } from "@/prisma/seed";
import { addResponse } from "@/tests/fixtures/engine-surveys";
import { JILIN_ANSWERS } from "@/tests/fixtures/respondent-surveys";
import { describeWithCommand, runCommand } from "@/tests/setup/external-tools";

type Handler = (request: Request, ctx: { params: Promise<{ slug: string }> }) => Promise<Response>;
const pdfRoute = () => import("@/app/api/v1/surveys/[slug]/report.pdf/route");
const attentionRoute = () => import("@/app/api/v1/surveys/[slug]/results/attention/route");

/** A members-only survey of the demo's questionnaire where micro firms name IP protection far more often. */
const GROUPS_SURVEY = "report-groups-2026";

let db: Db;
let viewerToken: string;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "report-pdf-"));

async function call(handler: Handler, address: string, token?: string) {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const slug = decodeURIComponent(address.split("/")[4]);
  return handler(new Request(`http://test${address}`, { headers }), { params: Promise.resolve({ slug }) });
}

/** The report as a PDF file, and its text as pdftotext reads it. */
async function reportPdf(query: string, token?: string, slug = PAPER_SURVEY_SLUG) {
  const { GET } = await pdfRoute();
  const started = Date.now();
  const res = await call(GET, `/api/v1/surveys/${slug}/report.pdf?${query}`, token);
  const milliseconds = Date.now() - started;
  expect(res.status, res.status === 200 ? "" : await res.clone().text()).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/pdf");
  const bytes = Buffer.from(await res.arrayBuffer());
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  const file = path.join(dir, `${slug}-${token ? "member" : "public"}-${query.replace(/\W+/g, "-")}.pdf`);
  fs.writeFileSync(file, bytes);
  console.info(`${slug}/report.pdf?${query}: ${bytes.length} bytes in ${milliseconds} ms`);
  // In the page's layout (the four counts side by side, as printed); lines joined, so that a
  // sentence reads whole wherever the page broke it.
  const text = runCommand("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"]).replace(/\s+/g, " ");
  return { res, file, text, bytes };
}

async function attention(level: string, query: string, token?: string) {
  const { GET } = await attentionRoute();
  const res = await call(GET, `/api/v1/surveys/${PAPER_SURVEY_SLUG}/results/attention?level=${level}&${query}`, token);
  expect(res.status).toBe(200);
  return (await res.json()) as { base: number; factors: { label: string; share: number; count: number }[] };
}

beforeAll(async () => {
  await seedDemo(process.env.DATABASE_URL!);
  db = createDbClient(process.env.DATABASE_URL!, 2);
  const viewer = await db.user.findUniqueOrThrow({ where: { email: "viewer@example.org" } });
  const demo = await db.organization.findUniqueOrThrow({ where: { slug: "demo" } });
  viewerToken = (await createApiToken({ db, userId: viewer.id, organizationId: demo.id, name: "reports" }))!.token;
  const jilin = await db.survey.findUniqueOrThrow({ where: { slug: PAPER_SURVEY_SLUG }, include: { version: true } });
  const groups = await db.survey.create({
    data: {
      organizationId: demo.id,
      versionId: jilin.versionId,
      slug: GROUPS_SURVEY,
      titleZh: "分组比较 2026",
      titleEn: "Group comparison 2026",
    },
  });
  const definition = QuestionnaireDefinitionSchema.parse(jilin.version.definition);
  for (let i = 0; i < 80; i++) {
    const micro = i % 2 === 0;
    await addResponse(db, groups, definition, {
      answers: {
        ...JILIN_ANSWERS,
        employees: micro ? 5 : 50,
        macro_constraints: micro || i % 10 === 1 ? ["national_policy", "ip_protection"] : ["national_policy"],
      },
    });
  }
});

afterAll(async () => {
  const { closePdfRenderer } = await import("@/lib/reports/pdf-renderer");
  await closePdfRenderer();
  await db.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
});

describeWithCommand("pdftotext", "poppler-utils", "the report as a PDF", () => {
  it("gives a member the exact figures of the attention API, the sample and the method notes (English)", async () => {
    const { text, res } = await reportPdf("locale=en", viewerToken);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="jilin-2017-report-en.pdf"');
    expect(text).toContain("Jilin small and micro enterprises");
    expect(text).toContain("Members' version: exact figures.");
    // The four counts stand in a row of boxes: their labels on one line, the figures under them.
    expect(text).toMatch(/Delivered Valid Screened out Validity rate 250 226 24 90\.4%/);
    expect(text).toMatch(/Too fast \(under \d+ s\): 10/);
    expect(text).toContain("Duplicate firm: 8");
    for (const level of ["macro", "middle", "micro"]) {
      const api = await attention(level, "locale=en", viewerToken);
      expect(text).toContain(`n = ${api.base}`);
      for (const f of api.factors.slice(0, 3)) expect(text).toContain(`${formatPercent(f.share)} (${f.count})`);
    }
    expect(text).toContain("69.0% (156)");
    expect(text).toContain("Significant differences between groups");
    expect(text).toContain(
      "Size class Groups compared: Small (10–100 employees) (n = 141); Micro (under 10 employees) (n = 85).",
    );
    expect(text).toContain("Weighting: the figures of this report are unweighted.");
    expect(text).toContain("95 % Wilson score interval");
    expect(text).toContain("Holm's method");
  });

  it("prints the Chinese report with its headings in an embedded Noto Sans SC font", async () => {
    const { text, file } = await reportPdf("locale=zh", viewerToken);
    for (const heading of ["样本", "宏观（国家）层面：各因素关注度", "组间显著差异", "方法说明"])
      expect(text).toContain(heading);
    expect(text).toContain("加权：本报告的数字均未加权");
    const fonts = runCommand("pdffonts", [file])
      .split("\n")
      .slice(2)
      .filter((line) => line.trim());
    // Columns: name, type, encoding, emb, sub, uni. The page's text is all in embedded Noto Sans SC;
    // only the page numbers of the footer, drawn without the page's fonts, may use another.
    const noto = fonts.filter((line) => /^[A-Z]{6}\+NotoSansSC/.test(line));
    expect(noto.length).toBeGreaterThan(0);
    for (const line of noto) expect(line).toMatch(/\byes\s+yes\s+yes\s+\d+\s+\d+\s*$/);
    expect(fonts.length - noto.length).toBeLessThanOrEqual(1);
  });

  it("gives the public the published (perturbed) figures of a shared dashboard, without the reasons for screening", async () => {
    const { text, res } = await reportPdf("locale=en");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="jilin-2017-report-public-en.pdf"');
    expect(text).toContain("Public version: the figures the survey's disclosure rules publish.");
    const api = await attention("macro", "locale=en");
    expect(text).toContain(`n = ${api.base}`);
    for (const f of api.factors.slice(0, 3)) expect(text).toContain(`${formatPercent(f.share)} (${f.count})`);
    expect(text).toContain("The reasons for screening are given in the members' version only.");
    expect(text).not.toContain("Duplicate firm");
    expect(text).toContain("perturbs every count by the cell key method");
  });

  it("names the parameter of a query it cannot read (422)", async () => {
    const { GET } = await pdfRoute();
    const res = await call(GET, `/api/v1/surveys/${PAPER_SURVEY_SLUG}/report.pdf?locale=fr`, viewerToken);
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body).toMatchObject({ error: "validation_failed", issues: [{ path: ["locale"] }] });
  });

  it("states a significant difference between two groups in words, with its shares and Holm-adjusted p", async () => {
    const { text } = await reportPdf("locale=en", viewerToken, GROUPS_SURVEY);
    expect(text).toContain(
      "Macro level: Micro (under 10 employees) name “Protection of intellectual property rights” more often than Small (10–100 employees) (100.0% vs 20.0%; Holm-adjusted p < 0.001).",
    );
    expect(text).not.toContain("No significant differences were found.");
    const zh = await reportPdf("locale=zh", viewerToken, GROUPS_SURVEY);
    expect(zh.text).toContain("宏观层面：微型企业（10人以下）关注“知识产权保护”的比例高于小型企业（10–100人）");
  });

  it("answers 404 for the public PDF of a survey that does not share its dashboard; its members may preview it", async () => {
    const { GET } = await pdfRoute();
    const refused = await call(GET, `/api/v1/surveys/${GROUPS_SURVEY}/report.pdf?locale=en`);
    expect(refused.status).toBe(404);
    expect(await refused.json()).toMatchObject({ error: "not_found" });
    const preview = await reportPdf("locale=en&view=public", viewerToken, GROUPS_SURVEY);
    expect(preview.text).toContain("Public version: the figures the survey's disclosure rules publish.");
  });

  it("answers a JSON 503 with a message, no stack trace, when the server has no Chromium", async () => {
    const { closePdfRenderer } = await import("@/lib/reports/pdf-renderer");
    await closePdfRenderer();
    vi.resetModules();
    process.env.CHROMIUM_PATH = path.join(dir, "no-chromium-here");
    try {
      const { GET } = await pdfRoute();
      const res = await call(GET, `/api/v1/surveys/${PAPER_SURVEY_SLUG}/report.pdf?locale=en`, viewerToken);
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("30");
      const body = await res.json();
      expect(body).toEqual({
        error: "pdf_unavailable",
        message: expect.stringContaining("No Chromium at"),
      });
      expect(JSON.stringify(body)).not.toMatch(/\bat .+:\d+:\d+/);
    } finally {
      delete process.env.CHROMIUM_PATH;
      vi.resetModules();
    }
  });
});
