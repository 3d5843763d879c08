/**
 * Partial dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`): a documenter often knows only the year or the month
 * of an arrest. Shared by the server's checks and the web forms so both refuse exactly the same
 * periods. Pure functions; the shape is checked elsewhere (zod on the server, the form on the web).
 */

/** The first and the last day a partial date may mean, as `YYYY-MM-DD` (which sort as they read). */
export function partialDateBounds(s: string): { earliest: string; latest: string } {
  if (s.length >= 10) return { earliest: s.slice(0, 10), latest: s.slice(0, 10) };
  if (s.length >= 7) {
    // Day 0 of the next month is the last day of this one (28, 29, 30 or 31).
    const last = new Date(Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)), 0)).getUTCDate();
    return { earliest: `${s.slice(0, 7)}-01`, latest: `${s.slice(0, 7)}-${String(last).padStart(2, '0')}` };
  }
  return { earliest: `${s.slice(0, 4)}-01-01`, latest: `${s.slice(0, 4)}-12-31` };
}

/**
 * The end before the start, each taken as the range of days it may mean: wrong only when even the
 * end's last possible day comes before the start's first one. A month covers its days (2026-03 may
 * end on 2026-03-14, and 2026-03-14 may end "in 2026-03"); 2026-04 cannot end on 2026-03-31.
 * A missing end or start is never wrong.
 */
export function partialDatesInWrongOrder(
  start: string | null | undefined,
  end: string | null | undefined,
): boolean {
  if (!start || !end) return false;
  return partialDateBounds(end).latest < partialDateBounds(start).earliest;
}
