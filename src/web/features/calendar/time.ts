import { useTranslation } from 'react-i18next';
import { addDays, BISHKEK, weekdayMon0, zonedDay, zonedParts, zonedToUtc } from '../../../core/zoned-time';

export { addDays, BISHKEK, zonedDay };

export type CalendarView = 'month' | 'week' | 'day';

/** Today in Bishkek, whatever the device's clock zone. */
export function todayBishkek(now = Date.now()): string {
  return zonedDay(now, BISHKEK);
}

/** The Bishkek day an instant falls on (a hearing at 23:30 belongs to that evening's day). */
export function dayOfInstant(iso: string): string {
  return zonedDay(Date.parse(iso), BISHKEK);
}

function mondayOf(day: string): string {
  return addDays(day, -weekdayMon0(day));
}

function lastDayOfMonth(day: string): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** The days a view shows: whole weeks (Monday first) around a month, one week, or one day. */
export function rangeOf(view: CalendarView, anchor: string): { from: string; to: string } {
  if (view === 'day') return { from: anchor, to: anchor };
  if (view === 'week') {
    const from = mondayOf(anchor);
    return { from, to: addDays(from, 6) };
  }
  const first = `${anchor.slice(0, 7)}-01`;
  const last = lastDayOfMonth(first);
  return { from: mondayOf(first), to: addDays(mondayOf(last), 6) };
}

/** The anchor one step back or forward in a view. */
export function shiftAnchor(view: CalendarView, anchor: string, dir: -1 | 1): string {
  if (view === 'day') return addDays(anchor, dir);
  if (view === 'week') return addDays(anchor, 7 * dir);
  const [y, m] = anchor.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + dir, 1)).toISOString().slice(0, 10);
}

/** Every day from `from` to `to`, inclusive. */
export function daysOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** An instant for a Bishkek wall-clock time typed in a form ("2026-12-01", "23:30"). */
export function bishkekToIso(day: string, time: string): string {
  const [h = 0, m = 0] = time.split(':').map(Number);
  return new Date(zonedToUtc(day, h, m, BISHKEK)).toISOString();
}

/** The Bishkek day and HH:MM of an instant, to fill a form. */
export function isoToBishkek(iso: string): { day: string; time: string } {
  const p = zonedParts(Date.parse(iso), BISHKEK);
  return {
    day: zonedDay(Date.parse(iso), BISHKEK),
    time: `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`,
  };
}

const cache = new Map<string, Intl.DateTimeFormat>();

function fmt(lng: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lng}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lng, { ...options, timeZone: BISHKEK });
    cache.set(key, f);
  }
  return f;
}

/** Noon of a calendar day: formatting it in Bishkek shows that day whatever the options. */
const noon = (day: string) => new Date(zonedToUtc(day, 12, 0, BISHKEK));

/** Formatters in the UI language, all in Bishkek time (Intl; the Kyrgyz data comes from the polyfill). */
export function useCalendarFormat() {
  const { i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? i18n.language;
  return {
    time: (iso: string) =>
      fmt(lng, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso)),
    weekdayShort: (day: string) => fmt(lng, { weekday: 'short' }).format(noon(day)),
    dayNumber: (day: string) => fmt(lng, { day: 'numeric' }).format(noon(day)),
    dayHeading: (day: string) =>
      fmt(lng, { weekday: 'short', day: 'numeric', month: 'short' }).format(noon(day)),
    fullDay: (day: string) =>
      fmt(lng, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(noon(day)),
    monthTitle: (day: string) => fmt(lng, { month: 'long', year: 'numeric' }).format(noon(day)),
    dateTime: (iso: string) =>
      fmt(lng, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }).format(new Date(iso)),
  };
}

export type CalendarFormat = ReturnType<typeof useCalendarFormat>;
