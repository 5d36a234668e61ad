// One LISTEN connection per app server on the `survey_results` channel (analytics_fold notifies
// it with the survey id once per fold that changed the survey's results; prisma/sql/analytics/
// 05-fold.sql), fanned out to the open dashboard streams of this server. Because PostgreSQL delivers
// the notification to every listening server, live updates work behind a load balancer.
import "server-only";
import createSubscriber, { type Subscriber } from "pg-listen";
import { env } from "@/lib/env";

export const RESULTS_CHANNEL = "survey_results";
/** The shortest interval between two events of one survey on this server. */
const TICK_MS = 250;

type Listener = () => void;
type State = { subscriber: Subscriber; ready: Promise<void>; listeners: Map<string, Set<Listener>> };
const holder = globalThis as unknown as { resultsListener?: State };

function start(): State {
  // pg-listen reconnects with back-off and re-issues LISTEN. Notifications sent while it was
  // away are lost, so after every reconnection each open stream is told that results changed.
  const subscriber = createSubscriber(
    { connectionString: env().DATABASE_DIRECT_URL ?? env().DATABASE_URL },
    {
      parse: (payload) => payload,
      retryLimit: Infinity,
      retryTimeout: Infinity,
      retryInterval: (n) => Math.min(1000, 100 * 2 ** n),
      // A stalled server (no error, no answer) is noticed within seconds rather than the default 30.
      paranoidChecking: 5000,
    },
  );
  const state: State = { subscriber, listeners: new Map(), ready: Promise.resolve() };
  // At most one event per survey per tick however many folds and servers notify: every open
  // stream then costs one refetch per tick, not one per fold (issue 15).
  const ticks = new Map<string, { last: number; timer?: ReturnType<typeof setTimeout> }>();
  const dispatch = (surveyId: string) => {
    const tick = ticks.get(surveyId) ?? { last: 0 };
    ticks.set(surveyId, tick);
    if (tick.timer) return;
    const run = () => {
      tick.timer = undefined;
      tick.last = Date.now();
      for (const listener of state.listeners.get(surveyId) ?? []) listener();
      if (!state.listeners.has(surveyId)) ticks.delete(surveyId);
    };
    const wait = tick.last + TICK_MS - Date.now();
    if (wait <= 0) run();
    else tick.timer = setTimeout(run, wait);
  };
  subscriber.notifications.on(RESULTS_CHANNEL, dispatch);
  let connections = 0;
  subscriber.events.on("connected", () => {
    if (connections++ === 0) return;
    for (const set of state.listeners.values()) for (const listener of set) listener();
  });
  subscriber.events.on("error", (error) => {
    console.error("results listener stopped:", error.message);
    if (holder.resultsListener === state) delete holder.resultsListener;
  });
  state.ready = subscriber
    .connect()
    .then(() => subscriber.listenTo(RESULTS_CHANNEL))
    .then(() => undefined);
  state.ready.catch(() => {
    if (holder.resultsListener === state) delete holder.resultsListener;
  });
  return state;
}

/** Calls `onChange` whenever the survey's results change; resolves once listening. Returns the unsubscribe function. */
export async function subscribeToResults(surveyId: string, onChange: Listener): Promise<() => void> {
  const state = (holder.resultsListener ??= start());
  const set = state.listeners.get(surveyId) ?? new Set<Listener>();
  set.add(onChange);
  state.listeners.set(surveyId, set);
  await state.ready;
  return () => {
    set.delete(onChange);
    if (set.size === 0) state.listeners.delete(surveyId);
  };
}
