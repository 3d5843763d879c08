/**
 * Planned visits of a monitoring site (ADR 0037). A hundred covers a court watched at every hearing of
 * a long trial; more is a typo (a year of daily visits is better split into missions).
 */
export const MAX_VISITS = 100;

/** A visits cell of a sites CSV: a whole number from 1 to MAX_VISITS, else null. */
export function visitsOf(cell: string): number | null {
  if (!/^\d{1,3}$/.test(cell)) return null;
  const n = Number(cell);
  return n >= 1 && n <= MAX_VISITS ? n : null;
}
