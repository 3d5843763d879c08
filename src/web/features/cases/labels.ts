import { useTranslation } from 'react-i18next';
import {
  districtChoicesIn,
  districtName,
  isDistrictId,
  isRegionCode,
  regionName,
} from '../../../core/geo/regions';
import { asLocale, type Locale } from '../../i18n';

/** The UI language as one of ours (Kyrgyz when unsure). */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return asLocale(i18n.resolvedLanguage ?? i18n.language) ?? 'ky';
}

/** Region and district names in the UI language; an unknown code shows as itself. */
export function useGeoNames(): {
  region: (code: string) => string;
  district: (id: string) => string;
  /** A region's districts as choices in alphabetical order of the UI language; none for an unknown code. */
  districtOptions: (region: string | null | undefined) => { value: string; label: string }[];
} {
  const lng = useLocale();
  return {
    region: (code) => (isRegionCode(code) ? regionName(code, lng) : code),
    district: (id) => (isDistrictId(id) ? districtName(id, lng) : id),
    districtOptions: (region) => (region && isRegionCode(region) ? districtChoicesIn(region, lng) : []),
  };
}

/** Hours and minutes ("2 h 05 min") from a number of minutes. */
export function useDuration(): (minutes: number) => string {
  const { t } = useTranslation('cases');
  return (minutes) => {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    if (h === 0) return t('time.minutes', { count: m });
    return t('time.hoursMinutes', { hours: h, minutes: String(m).padStart(2, '0') });
  };
}

/** Today's date in Bishkek as YYYY-MM-DD (the server's dates are Bishkek dates too). */
export function todayInBishkek(): string {
  const parts = new Intl.DateTimeFormat('en', {
    timeZone: 'Asia/Bishkek',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date());
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** A compact date for lists and cards ("28 Nov 2026", "2026-ж., 28-ноя."), in Bishkek time. */
export function useShortDate(): (iso: string) => string {
  const { i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? i18n.language;
  const f = new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeZone: 'Asia/Bishkek' });
  return (iso) => f.format(new Date(iso));
}
