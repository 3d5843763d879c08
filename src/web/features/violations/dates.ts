/**
 * Partial dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`): a documenter often knows only the year or the
 * month of an arrest. The same rules as the server's, so a step can be checked before it is sent.
 */

/** The shape (the server's zod schema has the same). */
export const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** Well-formed and, for a full date, a real day (not 2026-02-30). */
export function isPartialDate(s: string): boolean {
  if (!PARTIAL_DATE.test(s)) return false;
  if (s.length < 10) return true;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** A partial date as people read it: "2024", "March 2024", "8 March 2024" in the UI language. */
export function formatPartialDate(lng: string, s: string | null | undefined): string | null {
  if (!s) return null;
  if (!isPartialDate(s)) return s;
  if (s.length === 4) return s;
  const [y, m, d] = s.split('-').map(Number);
  const date = new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1));
  const opts: Intl.DateTimeFormatOptions =
    s.length === 7 ? { year: 'numeric', month: 'long' } : { dateStyle: 'long' };
  return new Intl.DateTimeFormat(lng, { ...opts, timeZone: 'UTC' }).format(date);
}

/** "from – to" with whichever ends are known. */
export function formatPeriod(
  lng: string,
  start: string | null | undefined,
  end: string | null | undefined,
): string | null {
  const a = formatPartialDate(lng, start);
  const b = formatPartialDate(lng, end);
  if (a && b && a !== b) return `${a} – ${b}`;
  return a ?? b;
}
