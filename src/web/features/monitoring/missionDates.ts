import type { TFunction } from 'i18next';
import { fieldErrors } from '../../components/errors';

export type DateField = 'startsOn' | 'endsOn';
export type DateErrors = Partial<Record<DateField, string>>;

/**
 * The check the server makes (missions.service.ts), made before sending: a mission may not end before
 * it starts (ending on its first day is fine). The message goes under the field the person changed and
 * is worded as the server words it, so both say the same thing.
 */
export function missionDateErrors(
  t: TFunction,
  startsOn: string,
  endsOn: string,
  changed: DateField,
): DateErrors {
  if (!startsOn || !endsOn || endsOn >= startsOn) return {};
  return changed === 'endsOn'
    ? { endsOn: t('errors:field.before_start', { field: t('monitoring:missions.endsOn') }) }
    : { startsOn: t('errors:field.after_end', { field: t('monitoring:missions.startsOn') }) };
}

/** The server's messages for the date fields of a refused request (empty for any other error). */
export function serverDateErrors(error: unknown): DateErrors {
  const f = fieldErrors(error);
  return {
    ...(f.startsOn ? { startsOn: f.startsOn } : {}),
    ...(f.endsOn ? { endsOn: f.endsOn } : {}),
  };
}

/**
 * An active mission whose dates say it should not be: before its start date it is already on the
 * observers' phones and takes reports; after its end date it still does. Neither is refused (a
 * rehearsal the day before, late counts after midnight are real), but the coordinator is told.
 */
export function activeOutsideDates(
  status: string,
  startsOn: string,
  endsOn: string,
  today: string,
): 'early' | 'over' | null {
  if (status !== 'active') return null;
  if (startsOn && today < startsOn) return 'early';
  if (endsOn && today > endsOn) return 'over';
  return null;
}
