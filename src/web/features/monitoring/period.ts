import type { useFormat } from '../../intl/format';

/** A mission's dates: one date for a one-day mission ("2026-ж., 30-ноябрь"), else "from – to". */
export function missionPeriod(
  fmt: ReturnType<typeof useFormat>,
  startsOn: string | null,
  endsOn: string | null,
): string {
  if (startsOn && endsOn && startsOn === endsOn) return fmt.date(startsOn);
  return [startsOn, endsOn]
    .filter((d): d is string => !!d)
    .map((d) => fmt.date(d))
    .join(' – ');
}
