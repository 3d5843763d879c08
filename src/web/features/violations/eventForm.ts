import type { TFunction } from 'i18next';
import type { Event, EventCreate, EventPatch } from './api';
import { partialDatesInWrongOrder } from '../../../core/partial-date.ts';
import { isPartialDate } from './dates';

/** The event's fields as the form holds them: strings, empty meaning "not given". */
export interface EventFormValues {
  title: string;
  description: string;
  startDate: string;
  endDate: string;
  region: string;
  district: string;
  place: string;
  violationStatus: string;
  restricted: boolean;
}

export const EMPTY_EVENT: EventFormValues = {
  title: '',
  description: '',
  startDate: '',
  endDate: '',
  region: '',
  district: '',
  place: '',
  violationStatus: '',
  restricted: false,
};

/** The edit form starts from the event as it is. */
export function formFromEvent(e: Event): EventFormValues {
  return {
    title: e.title,
    description: e.description ?? '',
    startDate: e.startDate ?? '',
    endDate: e.endDate ?? '',
    region: e.region ?? '',
    district: e.district ?? '',
    place: e.place ?? '',
    violationStatus: e.violationStatus ?? '',
    restricted: e.restricted,
  };
}

const text = (s: string) => s.trim() || undefined;
const orNull = (s: string) => s.trim() || null;

/** Only what was filled in is sent. */
export function toEventCreate(v: EventFormValues): EventCreate {
  return {
    title: v.title.trim(),
    description: text(v.description),
    startDate: text(v.startDate),
    endDate: text(v.endDate),
    region: text(v.region),
    district: text(v.district),
    place: text(v.place),
    violationStatus: text(v.violationStatus),
    ...(v.restricted ? { restricted: true } : {}),
  };
}

/** A cleared field is sent as null so the server clears it; `restricted` only by whoever may change it. */
export function toEventPatch(v: EventFormValues, withRestricted: boolean): EventPatch {
  return {
    title: v.title.trim(),
    description: orNull(v.description),
    startDate: orNull(v.startDate),
    endDate: orNull(v.endDate),
    region: orNull(v.region),
    district: orNull(v.district),
    place: orNull(v.place),
    violationStatus: orNull(v.violationStatus),
    ...(withRestricted ? { restricted: v.restricted } : {}),
  };
}

/** A partial date field: empty, or a real `YYYY[-MM[-DD]]`. */
export function dateError(t: TFunction<'violations'>, v: string): string | null {
  return v && !isPartialDate(v) ? t('date.invalid') : null;
}

/**
 * The checks a step makes before moving on, mirroring the server's (which still decides): a title,
 * well-formed dates, and an end that is not before the start (`order` false leaves that to the server).
 */
export function eventErrors(
  t: TFunction<'violations'>,
  v: EventFormValues,
  order = true,
): Partial<Record<keyof EventFormValues, string>> {
  const out: Partial<Record<keyof EventFormValues, string>> = {};
  if (!v.title.trim()) out.title = t('form.required');
  const s = dateError(t, v.startDate);
  if (s) out.startDate = s;
  const e = dateError(t, v.endDate);
  if (e) out.endDate = e;
  if (order && !s && !e && partialDatesInWrongOrder(v.startDate, v.endDate))
    out.endDate = t('errors:violation.dates_order');
  return out;
}
