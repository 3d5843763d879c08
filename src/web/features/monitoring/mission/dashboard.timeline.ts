import { groupColumns, nextColumn, type Step } from '../../../../core/timeline';
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
  const { step, columns } = groupColumns(rows, given);
  if (columns.length === 0) return { step, buckets: [] };
  const at = new Map(columns.map((c) => [c.key, c]));
  const buckets: Bucket[] = [];
  const end = columns[columns.length - 1]!.key;
  for (let key = columns[0]!.key; key <= end; key = nextColumn(key, step)) {
    const c = at.get(key);
    buckets.push({ at: key, n: c ? c.n : 0, critical: c ? c.critical : 0 });
  }
  return { step, buckets };
}
