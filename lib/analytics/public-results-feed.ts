// Live updates for the public, throttled so that timing cannot isolate one firm: a snapshot of the
// figures before and after an event that one submission triggered would be that firm's answers
// (noise aside). The public's streams of a survey share one feed per app server, which looks at
// most every `seconds` whether results changed and tells its streams only once the valid
// responses have moved by at least `minResponses` since it last did. Members' streams stay live
// (results-listener.ts directly).
import "server-only";
import type { Db } from "@/lib/db/create-client";
import { sumScope } from "./cell-queries";
import { subscribeToResults } from "./results-listener";

type Listener = () => void;
export type PublicFeedOptions = { db: Db; surveyId: string; seconds: number; minResponses: number };
type Feed = {
  listeners: Set<Listener>;
  /** The valid responses when the streams were last told (or when the feed started). */
  published: Promise<number>;
  changed: boolean;
  timer: ReturnType<typeof setInterval>;
  unsubscribe: Promise<() => void>;
};
const holder = globalThis as unknown as { publicResultsFeeds?: Map<string, Feed> };

async function validResponses(db: Db, surveyId: string): Promise<number> {
  const rows = await sumScope({ db, surveyId, scope: "all", filter: { breakdowns: {} } });
  return rows.find((r) => r.metric === "valid")?.responses ?? 0;
}

function startFeed(key: string, { db, surveyId, seconds, minResponses }: PublicFeedOptions): Feed {
  const feed: Feed = {
    listeners: new Set(),
    published: validResponses(db, surveyId),
    changed: false,
    timer: setInterval(async () => {
      if (!feed.changed) return;
      feed.changed = false;
      try {
        const [valid, published] = await Promise.all([validResponses(db, surveyId), feed.published]);
        if (Math.abs(valid - published) < minResponses) return;
        feed.published = Promise.resolve(valid);
        for (const listener of feed.listeners) listener();
      } catch {
        // The database is away: look again at the next tick.
        feed.changed = true;
      }
    }, seconds * 1000),
    unsubscribe: subscribeToResults(surveyId, () => {
      feed.changed = true;
    }),
  };
  feed.published.catch(() => {
    feed.published = Promise.resolve(0);
  });
  // Not listening (the database is away): the next stream starts a new feed.
  feed.unsubscribe.catch(() => {
    clearInterval(feed.timer);
    if (holder.publicResultsFeeds!.get(key) === feed) holder.publicResultsFeeds!.delete(key);
  });
  holder.publicResultsFeeds!.set(key, feed);
  return feed;
}

/** Calls `onChange` when the survey's public figures may be refetched; returns the unsubscribe function. */
export async function subscribeToPublicResults(options: PublicFeedOptions, onChange: Listener): Promise<() => void> {
  const feeds = (holder.publicResultsFeeds ??= new Map());
  const key = `${options.surveyId}:${options.seconds}:${options.minResponses}`;
  const feed = feeds.get(key) ?? startFeed(key, options);
  feed.listeners.add(onChange);
  await Promise.all([feed.unsubscribe, feed.published.catch(() => 0)]);
  return () => {
    feed.listeners.delete(onChange);
    if (feed.listeners.size > 0 || feeds.get(key) !== feed) return;
    feeds.delete(key);
    clearInterval(feed.timer);
    void feed.unsubscribe.then((unsubscribe: () => void) => unsubscribe());
  };
}
