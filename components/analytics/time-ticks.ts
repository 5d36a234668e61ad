// Ticks of a time axis at round dates (days, months or years), so that the gaps between days of
// fieldwork show in proportion: two waves years apart do not stand next to each other.
export const DAY_MS = 86_400_000;

type Step = { unit: "day" | "month" | "year"; size: number };
const STEPS: Step[] = [
  ...[1, 2, 7, 14].map((size) => ({ unit: "day" as const, size })),
  ...[1, 2, 3, 6].map((size) => ({ unit: "month" as const, size })),
  ...[1, 2, 5, 10, 20].map((size) => ({ unit: "year" as const, size })),
];
const approximateMs = ({ unit, size }: Step) =>
  size * (unit === "day" ? 1 : unit === "month" ? 30.44 : 365.25) * DAY_MS;

function firstTick(from: number, { unit, size }: Step): Date {
  const d = new Date(from);
  if (unit === "day") return new Date(Math.ceil(from / DAY_MS) * DAY_MS);
  if (unit === "month") {
    const months = d.getUTCFullYear() * 12 + d.getUTCMonth() + (d.getUTCDate() > 1 || from % DAY_MS ? 1 : 0);
    const rounded = Math.ceil(months / size) * size;
    return new Date(Date.UTC(Math.floor(rounded / 12), rounded % 12, 1));
  }
  const year = d.getUTCFullYear() + (from > Date.UTC(d.getUTCFullYear(), 0, 1) ? 1 : 0);
  return new Date(Date.UTC(Math.ceil(year / size) * size, 0, 1));
}

function advance(date: Date, { unit, size }: Step): Date {
  const d = new Date(date);
  if (unit === "day") d.setUTCDate(d.getUTCDate() + size);
  else if (unit === "month") d.setUTCMonth(d.getUTCMonth() + size);
  else d.setUTCFullYear(d.getUTCFullYear() + size);
  return d;
}

/** At most `count` ticks (UTC milliseconds) between `from` and `to`, and how to label them. */
export function timeTicks(from: number, to: number, count: number): { ticks: number[]; unit: Step["unit"] } {
  const step = STEPS.find((s) => (to - from) / approximateMs(s) <= count) ?? STEPS[STEPS.length - 1];
  const ticks: number[] = [];
  for (let d = firstTick(from, step); d.getTime() <= to; d = advance(d, step)) ticks.push(d.getTime());
  return { ticks, unit: step.unit };
}

/** "2017-05-31", "2017-05" or "2017", as the tick step asks. */
export const formatTick = (ms: number, unit: Step["unit"]) =>
  new Date(ms).toISOString().slice(0, unit === "day" ? 10 : unit === "month" ? 7 : 4);

export const dayStartMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
