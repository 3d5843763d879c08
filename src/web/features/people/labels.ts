import { useTranslation } from 'react-i18next';
import {
  districtName,
  isDistrictId,
  isRegionCode,
  REGION_CODES,
  regionName,
  districtChoicesIn,
} from '../../../core/geo/regions';
import { asLocale } from '../../i18n';

/** The UI language as one of ours (Kyrgyz when unsure). */
export function useLocale() {
  const { i18n } = useTranslation();
  return asLocale(i18n.resolvedLanguage ?? i18n.language) ?? 'ky';
}

/** Region and district names in the UI language; unknown codes show as they are. */
export function useGeoNames() {
  const locale = useLocale();
  return {
    region: (code: string | null | undefined): string | null =>
      code ? (isRegionCode(code) ? regionName(code, locale) : code) : null,
    district: (id: string | null | undefined): string | null =>
      id ? (isDistrictId(id) ? districtName(id, locale) : id) : null,
    regionOptions: () =>
      REGION_CODES.map((code) => ({ value: code, label: regionName(code, locale) })).sort((a, b) =>
        a.label.localeCompare(b.label, locale),
      ),
    districtOptions: (region: string | null | undefined) =>
      region && isRegionCode(region) ? districtChoicesIn(region, locale) : [],
  };
}

/** `{value, label}` options for a list of codes under one catalog prefix of the people namespace. */
export function useCodeOptions(prefix: string, codes: readonly string[]) {
  const { t } = useTranslation('people');
  return codes.map((c) => ({ value: c, label: t(`${prefix}.${c}`) }));
}
