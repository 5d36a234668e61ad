// One LISTEN connection per app server on the `survey_results` channel (the trigger in
// prisma/migrations/*_result_cell_triggers notifies it with the survey id whenever a response is
// written), fanned out to the open dashboard streams of this server. Because PostgreSQL delivers
// the notification to every listening server, live updates work behind a load balancer.
import "server-only";
import createSubscriber, { type Subscriber } from "pg-listen";
import { env } from "@/lib/env";

export const RESULTS_CHANNEL = "survey_results";

type Listener = () => void;
type State = { subscriber: Subscriber; ready: Promise<void>; listeners: Map<string, Set<Listener>> };
const holder = globalThis as unknown as { resultsListener?: State };

function start(): State {
  // pg-listen reconnects with back-off and re-issues LISTEN. Notifications sent while it was
  // away are lost, so after every reconnection each open stream is told that results changed.
  const subscriber = createSubscriber(
    { connectionString: env().DATABASE_URL },
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
  subscriber.notifications.on(RESULTS_CHANNEL, (surveyId: string) => {
    for (const listener of state.listeners.get(surveyId) ?? []) listener();
  });
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
