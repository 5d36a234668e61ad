// Live dashboards fan out data, not queries (issue 15). Open dashboard streams of this server are
// grouped by view: survey, who may see what (public, or a member's roles), language and the
// page's query. When a survey's results change (members: every listener tick; the public: its
// throttled feed) each group's figures are computed once and the same JSON goes to every stream
// in the group. Database work per tick depends on the number of distinct views, not of viewers.
import "server-only";
import type { Actor } from "@/lib/auth/organizations-where";
import type { Locale } from "@/lib/questionnaire/definition-schema";
import { db } from "@/lib/db/client";
import { getDashboardFigures } from "./dashboard-figures";
import type { DashboardSurvey } from "./find-dashboard-survey";
import { subscribeToPublicResults } from "./public-results-feed";
import { resolveResultsFor } from "./resolve-results-request";
import { subscribeToResults } from "./results-listener";

type Viewer = (payload: string) => void;
type Group = {
  slug: string;
  search: URLSearchParams;
  locale: Locale;
  /** Each stream and who opened it; the figures are computed as any one of them (same view, same rights). */
  viewers: Map<Viewer, Actor | null>;
  running: boolean;
  again: boolean;
};
type Feed = { groups: Map<string, Group>; unsubscribe: Promise<() => void> };

const holder = globalThis as unknown as { smeLiveDashboards?: Map<string, Feed> };

/** Which streams may share one computation: the same view for the same rights. */
function viewKey(survey: DashboardSurvey, actor: Actor | null, locale: Locale, search: URLSearchParams) {
  const rights =
    survey.access === "public"
      ? "public"
      : (actor?.memberships ?? [])
          .map((m) => `${m.organizationId}:${m.role}`)
          .sort()
          .join(",");
  const query = new URLSearchParams([...search].filter(([k]) => k !== "locale").sort(([a], [b]) => a.localeCompare(b)));
  return `${rights}|${locale}|${query}`;
}

async function publish(group: Group) {
  if (group.running) {
    group.again = true;
    return;
  }
  group.running = true;
  try {
    do {
      group.again = false;
      const resolved = await resolveResultsFor({
        slug: group.slug,
        params: group.search,
        actor: group.viewers.values().next().value ?? null,
        locale: group.locale,
        primary: true,
      });
      if ("error" in resolved) continue;
      const figures = await getDashboardFigures({ ...resolved, search: group.search });
      const payload = JSON.stringify({ at: new Date().toISOString(), figures });
      for (const viewer of group.viewers.keys()) viewer(payload);
    } while (group.again && group.viewers.size > 0);
  } catch (error) {
    // The database is away: the listener tells every stream once it is back.
    console.error("live dashboard:", (error as Error).message);
  } finally {
    group.running = false;
  }
}

/**
 * Sends `viewer` the figures of the view each time they change; resolves once listening, with the
 * unsubscribe function. `survey`, `actor` and `locale` are those the stream's request resolved to.
 * A viewer coming back (`reconnected`: its page's figures may be old) gets the view's figures now.
 */
export async function watchDashboard(
  opts: { survey: DashboardSurvey; actor: Actor | null; locale: Locale; search: URLSearchParams; reconnected: boolean },
  viewer: Viewer,
): Promise<() => void> {
  const { survey } = opts;
  const feeds = (holder.smeLiveDashboards ??= new Map());
  const feedKey = `${survey.id}|${survey.access}`;
  let feed = feeds.get(feedKey);
  if (!feed) {
    const onChange = () => {
      for (const group of created.groups.values()) void publish(group);
    };
    const created: Feed = {
      groups: new Map(),
      unsubscribe:
        survey.access === "member"
          ? subscribeToResults(survey.id, onChange)
          : subscribeToPublicResults({ db, surveyId: survey.id, ...survey.publicUpdates }, onChange),
    };
    created.unsubscribe.catch(() => feeds.get(feedKey) === created && feeds.delete(feedKey));
    feeds.set(feedKey, created);
    feed = created;
  }
  const key = viewKey(survey, opts.actor, opts.locale, opts.search);
  const group: Group = feed.groups.get(key) ?? {
    slug: survey.slug,
    search: opts.search,
    locale: opts.locale,
    viewers: new Map(),
    running: false,
    again: false,
  };
  group.viewers.set(viewer, opts.actor);
  feed.groups.set(key, group);
  const current = feed;
  await current.unsubscribe;
  if (opts.reconnected) void publish(group);
  return () => {
    group.viewers.delete(viewer);
    if (group.viewers.size > 0) return;
    current.groups.delete(key);
    if (current.groups.size > 0 || feeds.get(feedKey) !== current) return;
    feeds.delete(feedKey);
    void current.unsubscribe.then((unsubscribe: () => void) => unsubscribe());
  };
}
