/**
 * Small-cell suppression for published aggregates (issue #4 item 6; ADR 0009). Pure, so the rule is
 * tested on its own.
 *
 * Primary: a count from 1 to threshold−1 is withheld (`null`); 0 is published (it names nobody).
 * Secondary: the rows of a table add up to a figure that is published (the total of its unit), so a
 * single withheld cell could be recomputed by subtraction, and two withheld cells whose sum is known
 * and small narrow each other down. While a table has exactly one withheld cell, or its withheld cells
 * add up to less than the threshold, the smallest published non-zero cell is withheld too. Tables whose
 * rows overlap (an act with two rights) get the same treatment: it costs a few cells and needs no
 * reasoning about which sums an outsider can form.
 */
export interface Cell {
  code: string;
  count: number | null;
}

export function isSmall(n: number, threshold: number): boolean {
  return n >= 1 && n < threshold;
}

/** A headline figure: withheld when small. */
export function suppressTotal(n: number, threshold: number): number | null {
  return isSmall(n, threshold) ? null : n;
}

export function suppressTable(
  rows: readonly { code: string; count: number }[],
  threshold: number,
  /**
   * `hideZero`: withhold 0 as well, where a 0 itself is the secret (a region nobody was sent to).
   * `withheld`: rows withheld already for another reason (a cell of another table that this one breaks
   * down); they count as withheld cells here, so the others are suppressed around them.
   */
  opts: { hideZero?: boolean; withheld?: readonly boolean[] } = {},
): Cell[] {
  const hidden = new Set<number>();
  rows.forEach((r, i) => {
    if (
      isSmall(r.count, threshold) ||
      (opts.hideZero && r.count === 0) ||
      (opts.withheld?.[i] && r.count > 0)
    )
      hidden.add(i);
  });
  const hiddenSum = () => [...hidden].reduce((s, i) => s + rows[i]!.count, 0);
  while (hidden.size > 0 && (hidden.size === 1 || hiddenSum() < threshold)) {
    let next = -1;
    rows.forEach((r, i) => {
      if (hidden.has(i) || r.count === 0) return;
      if (next === -1 || r.count < rows[next]!.count) next = i;
    });
    if (next === -1) break;
    hidden.add(next);
  }
  return rows.map((r, i) => ({ code: r.code, count: hidden.has(i) ? null : r.count }));
}

/** No published number may be small: the check the tests and the publish step make. */
export function hasSmallCell(values: readonly (number | null)[], threshold: number): boolean {
  return values.some((v) => v !== null && isSmall(v, threshold));
}
