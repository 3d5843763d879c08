import type { Summary } from '../api';

/**
 * The body of a mission's dashboard, shared by the reviewers' tab (DashboardTab) and the public page
 * (PublicResultsPage). The public figures come without staffing (`unstaffed`) and with small counts
 * withheld (`null`), shown as a dash.
 */
export type DashboardData = Omit<
  Summary,
  'unstaffed' | 'overTimeOutside' | 'byRegion' | 'missionId' | 'expected' | 'received'
> & {
  /** Reviewers only: incidents not charted, their phone's time being outside the mission's. */
  overTimeOutside?: number;
  /** Null on the public page when withheld. */
  expected: number | null;
  received: number | null;
  unstaffed?: number;
  byRegion: { region: string; expected: number | null; received: number | null; unstaffed?: number }[];
};

/** A share as a whole percent ("38 %"), 0 when there is nothing to divide by. */
export const pct = (n: number, of: number) => (of > 0 ? Math.round((n * 100) / of) : 0);

/** A share when there is one: null when nothing is expected or a count is withheld. */
export const shareOf = (n: number | null, of: number | null): number | null =>
  n === null || of === null || of <= 0 ? null : pct(n, of);

/** A count withheld from the public (from 1 to 4, or one that would give such a count away). */
export const WITHHELD = '—';

/** A count as shown: formatted, or the withheld mark. */
export const countText = (n: number | null, format: (n: number) => string): string =>
  n === null ? WITHHELD : format(n);

export type Hour = DashboardData['overTime'][number];
const HOUR_MS = 3_600_000;
/** Two weeks of hours: a longer mission shows only the hours that had reports. */
const MAX_FILLED_HOURS = 14 * 24;

/**
 * Every hour from the first report to the last, the quiet ones as zero: columns spaced by time, so a
 * quiet afternoon shows as a gap and not as two busy hours side by side.
 */
export function hourly(rows: Hour[]): Hour[] {
  if (rows.length < 2) return rows;
  const first = Date.parse(rows[0]!.hour);
  const last = Date.parse(rows[rows.length - 1]!.hour);
  if (!Number.isFinite(first) || !Number.isFinite(last) || (last - first) / HOUR_MS > MAX_FILLED_HOURS)
    return rows;
  const at = new Map(rows.map((r) => [Date.parse(r.hour), r]));
  const out: Hour[] = [];
  for (let h = first; h <= last; h += HOUR_MS)
    out.push(at.get(h) ?? { hour: new Date(h).toISOString(), n: 0, critical: 0 });
  return out;
}
