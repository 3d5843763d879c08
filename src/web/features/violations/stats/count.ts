import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../intl/format';

export type CountUnit = 'events' | 'acts' | 'victims' | 'perpetrators' | 'groups' | 'people';

/**
 * A number with its unit in the right plural form ("1 act", "2 акта", "5 актов", "5 акт"): no figure
 * on these screens stands without saying what it counts.
 */
export function useCount(): (unit: CountUnit, n: number) => string {
  const { t } = useTranslation('vstats');
  const fmt = useFormat();
  return (unit, n) => t(`count.${unit}`, { count: n, formatted: fmt.number(n) });
}
