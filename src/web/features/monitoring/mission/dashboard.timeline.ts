import { addDays, daysBetween, weekdayMon0, zonedDay } from '../../../../core/zoned-time';
import type { Hour } from './dashboard.common';

/** How the incidents chart groups its columns: by the hour on election day, by day or week for months. */
export type Step = 'hour' | 'day' | 'week';

/** One column: an hour (an instant), or a day or the Monday of a week in Bishkek (YYYY-MM-DD). */
export interface Bucket {
  at: string;
  n: number | null;
  critical: number | null;
}

const HOUR_MS = 3_600_000;
/** Up to three days, hours: election day and the count after it. */
const MAX_HOURS = 72;
/** Up to three months, days; a longer mission (a year of prison visits) by week. */
const MAX_DAYS = 92;

/**
 * The incidents over time as columns spaced by time: every hour, day or week from the first report to
 * the last, the quiet ones as zero, so that a quiet stretch shows as a gap and not as two busy columns
 * side by side. A column with a withheld count in it (the public page) is withheld as a whole: its
 * sum would tell what was withheld, or at least a bound on it.
 */
export function timeline(rows: readonly Hour[]): { step: Step; buckets: Bucket[] } {
  const at = (h: Hour) => Date.parse(h.hour);
  const valid = rows.filter((h) => Number.isFinite(at(h)));
  if (valid.length === 0) return { step: 'hour', buckets: [] };
  const first = Math.min(...valid.map(at));
  const last = Math.max(...valid.map(at));
  if ((last - first) / HOUR_MS <= MAX_HOURS) {
    const byHour = new Map(valid.map((h) => [at(h), h]));
    const buckets: Bucket[] = [];
    for (let ms = first; ms <= last; ms += HOUR_MS) {
      const h = byHour.get(ms);
      buckets.push({ at: new Date(ms).toISOString(), n: h ? h.n : 0, critical: h ? h.critical : 0 });
    }
    return { step: 'hour', buckets };
  }
  const firstDay = zonedDay(first);
  const days = daysBetween(firstDay, zonedDay(last)) + 1;
  const step: Step = days <= MAX_DAYS ? 'day' : 'week';
  const keyOf = (ms: number) => {
    const day = zonedDay(ms);
    return step === 'day' ? day : addDays(day, -weekdayMon0(day));
  };
  const sums = new Map<string, Bucket>();
  for (const h of valid) {
    const key = keyOf(at(h));
    const b = sums.get(key) ?? { at: key, n: 0, critical: 0 };
    b.n = b.n === null || h.n === null ? null : b.n + h.n;
    b.critical = b.critical === null || h.critical === null ? null : b.critical + h.critical;
    sums.set(key, b);
  }
  const buckets: Bucket[] = [];
  const end = keyOf(last);
  for (let key = keyOf(first); key <= end; key = addDays(key, step === 'day' ? 1 : 7))
    buckets.push(sums.get(key) ?? { at: key, n: 0, critical: 0 });
  return { step, buckets };
}
