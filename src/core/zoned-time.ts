/**
 * Calendar days in a named time zone (Kyrgyzstan: Asia/Bishkek), computed with Intl rather than a
 * fixed offset, so the same code stays right if the zone's rules ever change. Shared by the server
 * (calendar ranges) and the web app (grouping events into days).
 */
export const BISHKEK = 'Asia/Bishkek';

const partsCache = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsCache.set(timeZone, f);
  }
  return f;
}

/** Wall-clock fields of an instant in the zone. */
export function zonedParts(
  ms: number,
  timeZone: string = BISHKEK,
): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const out: Record<string, number> = {};
  for (const p of partsFormatter(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return {
    year: out.year ?? 1970,
    month: out.month ?? 1,
    day: out.day ?? 1,
    hour: (out.hour ?? 0) % 24,
    minute: out.minute ?? 0,
    second: out.second ?? 0,
  };
}

/** Offset of the zone from UTC at an instant, in ms (Bishkek: +6 h). */
export function zoneOffsetMs(ms: number, timeZone: string = BISHKEK): number {
  const p = zonedParts(ms, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** The instant of a wall-clock time in the zone ("2026-12-01", 23, 30 → 2026-12-01T17:30Z in Bishkek). */
export function zonedToUtc(day: string, hour = 0, minute = 0, timeZone: string = BISHKEK): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d, hour, minute);
  // Two passes settle the offset even across a (hypothetical) daylight-saving change.
  const first = guess - zoneOffsetMs(guess, timeZone);
  return guess - zoneOffsetMs(first, timeZone);
}

/** The calendar day (YYYY-MM-DD) of an instant in the zone. */
export function zonedDay(ms: number, timeZone: string = BISHKEK): string {
  const p = zonedParts(ms, timeZone);
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** Is `s` a real calendar date written YYYY-MM-DD (no 2026-02-30)? */
export function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const ms = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === s;
}

/** A calendar day plus `n` days (pure date arithmetic, no zone involved). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (both YYYY-MM-DD). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Day of the week of a calendar day, Monday = 0 … Sunday = 6 (Kyrgyz and Russian weeks start on Monday). */
export function weekdayMon0(day: string): number {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
}
