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

const pad2 = (n: number) => String(Math.abs(n)).padStart(2, '0');

/** An instant as a date-time input shows it (`YYYY-MM-DDTHH:MM`), on the zone's clock. */
export function zonedInputValue(ms: number, timeZone: string = BISHKEK): string {
  const p = zonedParts(ms, timeZone);
  return `${String(p.year).padStart(4, '0')}-${pad2(p.month)}-${pad2(p.day)}T${pad2(p.hour)}:${pad2(p.minute)}`;
}

/**
 * What a person typed in a date-time input (`YYYY-MM-DDTHH:MM`), read on the zone's clock, as ISO 8601
 * with the zone's offset (`2026-12-06T07:10:00+06:00`); null if it is not a date and time. The
 * organisation works in one zone, so a phone set to another (UTC after a reset, Moscow) does not move
 * what the observer typed by hours.
 */
export function zonedIsoFromInput(local: string, timeZone: string = BISHKEK): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m || !isCalendarDate(m[1]!) || Number(m[2]) > 23 || Number(m[3]) > 59) return null;
  const ms = zonedToUtc(m[1]!, Number(m[2]), Number(m[3]), timeZone);
  const off = Math.round(zoneOffsetMs(ms, timeZone) / 60_000);
  const sign = off < 0 ? '-' : '+';
  return `${local}:00${sign}${pad2(Math.trunc(off / 60))}:${pad2(off % 60)}`;
}

/** An instant as ISO 8601 with the zone's offset, on the zone's clock (to the minute). */
export function zonedIso(ms: number, timeZone: string = BISHKEK): string {
  return zonedIsoFromInput(zonedInputValue(ms, timeZone), timeZone)!;
}

/** A stored date-time answer as its input shows it, on the zone's clock ('' if none or not a time). */
export function answerInputValue(v: unknown, timeZone: string = BISHKEK): string {
  const ms = typeof v === 'string' ? Date.parse(v) : NaN;
  return Number.isNaN(ms) ? '' : zonedInputValue(ms, timeZone);
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
