// A results stream held open as a dashboard holds it, for the benchmarks: when each `results`
// event came and how many delivered responses its figures count (read without parsing the whole
// payload, so that a load script holding a thousand streams stays light), and whether it closed.
export function openResultsStream(url: string, token: string) {
  const controller = new AbortController();
  const events: { at: number; delivered: number | null }[] = [];
  let closed = false;
  const ready = fetch(`${url}/api/v1/surveys/jilin-try/results/stream`, {
    headers: { authorization: `Bearer ${token}` },
    signal: controller.signal,
  }).then(async (res) => {
    if (!res.ok || !res.body) throw new Error(`stream answered ${res.status}`);
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let opened: () => void = () => {};
    const isOpen = new Promise<void>((r) => (opened = r));
    void (async () => {
      let buffer = "";
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end;
          while ((end = buffer.indexOf("\n\n")) >= 0) {
            const message = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (message.includes("event: ready")) opened();
            if (!message.includes("event: results")) continue;
            const delivered = /"delivered":(\d+)/.exec(message);
            events.push({ at: performance.now(), delivered: delivered ? Number(delivered[1]) : null });
          }
        }
      } catch {
        // aborted at the end of the run
      }
      closed = true;
    })();
    await isOpen;
  });
  return { ready, events, closed: () => closed, close: () => controller.abort() };
}
