import { addDays, daysBetween, weekdayMon0, zonedDay, zonedToUtc } from './zoned-time.ts';

/**
 * How incidents over time are grouped: by the hour on election day, by Bishkek day or week (from
 * Monday) over a mission of weeks or months. One rule for the dashboard (web) and the public summary
 * (server), which groups before it withholds small counts: a count withheld hour by hour would leave a
 * month of detention visits, a few incidents an hour, with nothing to show.
 */
export type Step = 'hour' | 'day' | 'week';

const HOUR_MS = 3_600_000;
/** Up to three days, hours: election day and the count after it. */
const MAX_HOURS = 72;
/** Up to three months, days; a longer mission (a year of prison visits) by week. */
const MAX_DAYS = 92;

/** The step for incidents from `first` to `last` (instants, ms). */
export function stepFor(first: number, last: number): Step {
  if ((last - first) / HOUR_MS <= MAX_HOURS) return 'hour';
  return daysBetween(zonedDay(first), zonedDay(last)) + 1 <= MAX_DAYS ? 'day' : 'week';
}

/** The column an instant falls in: the hour's instant, or the day or the Monday (YYYY-MM-DD, Bishkek). */
export function columnOf(ms: number, step: Step): string {
  if (step === 'hour') return new Date(Math.floor(ms / HOUR_MS) * HOUR_MS).toISOString();
  const day = zonedDay(ms);
  return step === 'day' ? day : addDays(day, -weekdayMon0(day));
}

/** The instant a column starts (Bishkek midnight for a day or a week). */
export function columnStart(column: string, step: Step): string {
  return step === 'hour' ? column : new Date(zonedToUtc(column)).toISOString();
}

/** The column after `column`. */
export function nextColumn(column: string, step: Step): string {
  if (step === 'hour') return new Date(Date.parse(column) + HOUR_MS).toISOString();
  return addDays(column, step === 'day' ? 1 : 7);
}

/**
 * Rows summed into the columns of a step — `given`, or chosen from the rows' span — keyed by column
 * (`columnOf`) and in time order; only columns that have rows. A withheld (null) count makes its
 * column's count null: its sum would tell what was withheld, or bound it. Counts keep their type (the
 * server groups plain numbers before it withholds; the web groups what may already be withheld).
 */
export function groupColumns<C extends number | null>(
  rows: readonly { hour: string; n: C; critical: C }[],
  given?: Step,
): { step: Step; columns: { key: string; n: C; critical: C }[] } {
  const dated = rows.map((h) => ({ h, ms: Date.parse(h.hour) })).filter((x) => Number.isFinite(x.ms));
  const times = dated.map((x) => x.ms);
  const step = given ?? (times.length ? stepFor(Math.min(...times), Math.max(...times)) : 'hour');
  const add = (a: C, b: C) => (a === null || b === null ? null : a + b) as C;
  const sums = new Map<string, { key: string; n: C; critical: C }>();
  for (const { h, ms } of dated) {
    const key = columnOf(ms, step);
    const c = sums.get(key) ?? { key, n: 0 as C, critical: 0 as C };
    c.n = add(c.n, h.n);
    c.critical = add(c.critical, h.critical);
    sums.set(key, c);
  }
  return { step, columns: [...sums.values()].sort((a, b) => a.key.localeCompare(b.key)) };
}
