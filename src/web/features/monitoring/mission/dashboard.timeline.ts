import { columnOf, nextColumn, stepFor, type Step } from '../../../../core/timeline';
import type { Hour } from './dashboard.common';

export type { Step };

/** One column: an hour (an instant), or a day or the Monday of a week in Bishkek (YYYY-MM-DD). */
export interface Bucket {
  at: string;
  n: number | null;
  critical: number | null;
}

/**
 * The incidents over time as columns spaced by time (core/timeline.ts): every hour, day or week from
 * the first report to the last, the quiet ones as zero, so that a quiet stretch shows as a gap and not
 * as two busy columns side by side. The public summary sends its rows already grouped, and withheld
 * where small, with the step it chose (`given`); the reviewers' come by the hour. A column with a
 * withheld count in it is withheld as a whole: its sum would tell what was withheld, or bound it.
 */
export function timeline(rows: readonly Hour[], given?: Step): { step: Step; buckets: Bucket[] } {
  const at = (h: Hour) => Date.parse(h.hour);
  const valid = rows.filter((h) => Number.isFinite(at(h)));
  if (valid.length === 0) return { step: given ?? 'hour', buckets: [] };
  const first = Math.min(...valid.map(at));
  const last = Math.max(...valid.map(at));
  const step = given ?? stepFor(first, last);
  const sums = new Map<string, Bucket>();
  for (const h of valid) {
    const key = columnOf(at(h), step);
    const b = sums.get(key) ?? { at: key, n: 0, critical: 0 };
    b.n = b.n === null || h.n === null ? null : b.n + h.n;
    b.critical = b.critical === null || h.critical === null ? null : b.critical + h.critical;
    sums.set(key, b);
  }
  const buckets: Bucket[] = [];
  const end = columnOf(last, step);
  for (let key = columnOf(first, step); key <= end; key = nextColumn(key, step))
    buckets.push(sums.get(key) ?? { at: key, n: 0, critical: 0 });
  return { step, buckets };
}
