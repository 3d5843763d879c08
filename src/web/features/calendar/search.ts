import type { CalendarView } from './time';

/** Calendar view, day, scope and lawyer live in the URL, so a view can be bookmarked or reloaded. */
export interface CalendarSearch {
  view?: CalendarView;
  date?: string;
  scope?: 'me' | 'org';
  lawyer?: string;
}

const VIEWS = ['month', 'week', 'day'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Keeps only well-formed values; anything else falls back to the defaults (week, today, mine). */
export function calendarSearchSchema(search: Record<string, unknown>): CalendarSearch {
  const out: CalendarSearch = {};
  const { view, date, scope, lawyer } = search;
  if (typeof view === 'string' && (VIEWS as readonly string[]).includes(view))
    out.view = view as CalendarView;
  if (typeof date === 'string' && DAY.test(date) && !Number.isNaN(Date.parse(date))) out.date = date;
  if (scope === 'me' || scope === 'org') out.scope = scope;
  if (typeof lawyer === 'string' && UUID.test(lawyer)) out.lawyer = lawyer;
  return out;
}
