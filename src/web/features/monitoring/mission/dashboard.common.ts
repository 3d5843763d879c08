import type { Summary } from '../api';

/**
 * The body of a mission's dashboard, shared by the reviewers' tab (DashboardTab) and the public page
 * (PublicResultsPage). The public figures come without staffing (`unstaffed`) and with small counts
 * withheld (`null`), shown as a dash.
 */
export type DashboardData = Omit<
  Summary,
  | 'unstaffed'
  | 'overTimeOutside'
  | 'byRegion'
  | 'byDistrict'
  | 'unplaced'
  | 'missionId'
  | 'expected'
  | 'received'
> & {
  /** Reviewers only: incidents not charted, their phone's time being outside the mission's. */
  overTimeOutside?: number;
  /** Public only: the step its incidents over time were grouped by before small counts were withheld. */
  overTimeStep?: 'hour' | 'day' | 'week';
  /** Null on the public page when withheld. */
  expected: number | null;
  received: number | null;
  unstaffed?: number;
  byRegion: { region: string; expected: number | null; received: number | null; unstaffed?: number }[];
  /** Reviewers only: the district map's figures (by district id, or city region code). */
  byDistrict?: { area: string; expected: number; received: number }[];
  /** Reviewers only: sites with no district, not on the district map. */
  unplaced?: number;
};

/** A share as a whole percent ("38 %"), 0 when there is nothing to divide by. */
export const pct = (n: number, of: number) => (of > 0 ? Math.round((n * 100) / of) : 0);

/**
 * Whole percents of answers that exclude each other (every answer counted once, so the counts add up to
 * the total), as close to 100 in all as equal counts allow: rounding each alone can show 17 + 17 + 67.
 * The points short go to the largest remainders, but equal counts always show equal shares: a group of
 * equal counts gets its point only all together, or none of it does. A group passed over for want of
 * points keeps every smaller count from getting one that would lift it level (so 1 + 1 + 1 answers read
 * 33 % each, not 34 + 33 + 33, which looked like a mistake, and no count ever shows more than a larger
 * one). Anything else — a multiple-choice question, where one answer may count several times, or a
 * withheld count — is rounded one by one.
 */
export function shares(counts: readonly (number | null)[], total: number | null): (number | null)[] {
  if (total === null) return counts.map(() => null);
  if (total <= 0) return counts.map((n) => (n === null ? null : 0));
  const known = counts.every((n): n is number => n !== null);
  if (!known || counts.reduce<number>((a, n) => a + (n ?? 0), 0) !== total)
    return counts.map((n) => (n === null ? null : pct(n, total)));
  // In whole numbers: floating-point remainders would break ties at random.
  const out = counts.map((n) => Math.floor((n * 100) / total));
  let short = 100 - out.reduce((a, n) => a + n, 0);
  const floor = (n: number) => Math.floor((n * 100) / total);
  const groups = new Map<number, number[]>();
  counts.forEach((n, i) => groups.set(n, [...(groups.get(n) ?? []), i]));
  const order = [...groups.entries()]
    .filter(([n]) => (n * 100) % total > 0)
    // Equal remainders: the larger group first, which comes closer to 100 (1 + 1 + 4 of 6: 17 + 17 + 66).
    .sort(([a, ga], [b, gb]) => ((b * 100) % total) - ((a * 100) % total) || gb.length - ga.length || b - a);
  const passed: number[] = [];
  for (const [n, members] of order) {
    const overtakes = passed.some((m) => m > n && floor(m) === floor(n));
    if (members.length > short || overtakes) {
      passed.push(n);
      continue;
    }
    for (const i of members) out[i]! += 1;
    short -= members.length;
  }
  return out;
}

/** A share when there is one: null when nothing is expected or a count is withheld. */
export const shareOf = (n: number | null, of: number | null): number | null =>
  n === null || of === null || of <= 0 ? null : pct(n, of);

/** A count withheld from the public (from 1 to 4, or one that would give such a count away). */
export const WITHHELD = '—';

/** A count as shown: formatted, or the withheld mark. */
export const countText = (n: number | null, format: (n: number) => string): string =>
  n === null ? WITHHELD : format(n);

export type Hour = DashboardData['overTime'][number];
