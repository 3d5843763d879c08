/** The first year anyone would look up (the organisation's legal aid started long before Ukuk). */
export const FIRST_YEAR = 2000;

/** The current year in Bishkek. */
export function currentYear(): number {
  return Number(
    new Intl.DateTimeFormat('en', { timeZone: 'Asia/Bishkek', year: 'numeric' }).format(new Date()),
  );
}

/** Router `validateSearch` for /stats: a plausible year, or none (= this year). */
export function statsSearchSchema(search: Record<string, unknown>): { year?: number } {
  const year = Number(search.year);
  return Number.isInteger(year) && year >= FIRST_YEAR && year <= currentYear() ? { year } : {};
}
