import { formatter } from './format';

/**
 * The wall-clock day (and time) of a date or datetime-local input's value, written out in `lng`:
 * "2026-ж., 4-декабрь". The value is read as it was typed, never moved between time zones.
 */
export function spellDay(lng: string, value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?/.exec(value);
  if (!m) return null;
  const d = new Date(`${m[1]}T${m[2] ?? '00:00'}:00Z`);
  if (Number.isNaN(d.getTime())) return null;
  // Read in UTC, as the value was written as UTC above: the digits typed are the digits shown.
  return formatter(lng, {
    dateStyle: 'long',
    ...(m[2] !== undefined ? { timeStyle: 'short' } : {}),
    timeZone: 'UTC',
  }).format(d);
}
