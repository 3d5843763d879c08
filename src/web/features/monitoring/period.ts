import type { TFunction } from 'i18next';
import type { useFormat } from '../../intl/format';

/**
 * A mission's dates: one date for a one-day mission ("2026-ж., 30-ноябрь"), else "from – to"; with one
 * end only, "From …" or "Until …" (a lone date read as a one-day mission); nothing without dates.
 */
export function missionPeriod(
  t: TFunction<'monitoring'>,
  fmt: ReturnType<typeof useFormat>,
  startsOn: string | null,
  endsOn: string | null,
): string {
  if (startsOn && endsOn)
    return startsOn === endsOn ? fmt.date(startsOn) : `${fmt.date(startsOn)} – ${fmt.date(endsOn)}`;
  if (startsOn) return t('missions.fromDate', { date: fmt.date(startsOn) });
  if (endsOn) return t('missions.untilDate', { date: fmt.date(endsOn) });
  return '';
}
