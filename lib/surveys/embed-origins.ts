// The sites a survey lets frame its pages (the respondent pages, and the dashboard when it is
// public), read by the proxy on every such page: kept in memory for a short while so a busy
// survey costs one query per half minute per server.
import "server-only";
import { db } from "@/lib/db/client";

const TTL_MS = 30_000;
const MAX_ENTRIES = 1000;
type Embedding = { origins: string[]; publicDashboard: boolean };
const cache = new Map<string, Embedding & { until: number }>();

async function embeddingOf(slug: string): Promise<Embedding> {
  const hit = cache.get(slug);
  if (hit && hit.until > Date.now()) return hit;
  const survey = await db.survey.findUnique({ where: { slug }, select: { embedOrigins: true, publicDashboard: true } });
  const found = { origins: survey?.embedOrigins ?? [], publicDashboard: survey?.publicDashboard ?? false };
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(slug, { ...found, until: Date.now() + TTL_MS });
  return found;
}

export async function surveyEmbedOrigins(page: { slug: string; dashboard: boolean }): Promise<string[]> {
  const { origins, publicDashboard } = await embeddingOf(page.slug);
  return page.dashboard && !publicDashboard ? [] : origins;
}
