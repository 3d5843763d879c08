// Lookups over the generated region and district data (regions.data.ts and districts.data.ts, written
// by scripts/gen-geo.mjs).
import type { Locale } from '../roles.ts';
import { DISTRICTS, type District, type DistrictId } from './districts.data.ts';
import { REGIONS, REGION_CODES, type Region, type RegionCode } from './regions.data.ts';

export * from './districts.data.ts';
export * from './regions.data.ts';

const REGION_BY_CODE = new Map<string, Region>(REGIONS.map((r) => [r.code, r]));
const DISTRICT_BY_ID = new Map<string, District>(DISTRICTS.map((d) => [d.id, d]));
const DISTRICTS_BY_REGION = new Map<RegionCode, District[]>(REGION_CODES.map((c) => [c, []]));
for (const d of DISTRICTS) DISTRICTS_BY_REGION.get(d.region)?.push(d);

/** True for one of the nine ISO 3166-2:KG region codes. */
export function isRegionCode(value: unknown): value is RegionCode {
  return typeof value === 'string' && REGION_BY_CODE.has(value);
}

/** True for the id of one of the 51 districts. */
export function isDistrictId(value: unknown): value is DistrictId {
  return typeof value === 'string' && DISTRICT_BY_ID.has(value);
}

/** The districts of a region; empty for Bishkek and Osh city, which have no level-2 units here. */
export function districtsOf(region: RegionCode): readonly District[] {
  return DISTRICTS_BY_REGION.get(region) ?? [];
}

/** True when the district lies in the region; false for any unknown code or id. */
/** The region a district lies in, or null for an unknown id. */
export function regionOfDistrict(districtId: string): RegionCode | null {
  return DISTRICT_BY_ID.get(districtId)?.region ?? null;
}

export function isDistrictOf(region: string, districtId: string): boolean {
  return DISTRICT_BY_ID.get(districtId)?.region === region;
}

/** The region's name in a language (Kyrgyz for Osh city is unverified, see Region.unverified). */
export function regionName(code: RegionCode, locale: Locale): string {
  const region = REGION_BY_CODE.get(code);
  if (!region) throw new RangeError(`unknown region code ${String(code)}`);
  return region.names[locale];
}

/**
 * The regions as pick-list choices in alphabetical order of their names in `locale`: a list in code
 * order (Batken, Chuy, Bishkek, Osh, Jalal-Abad…) is in no order a reader can search.
 */
export function regionChoicesIn(locale: Locale): { value: RegionCode; label: string }[] {
  return REGIONS.map((r) => ({ value: r.code, label: r.names[locale] })).sort((a, b) =>
    a.label.localeCompare(b.label, locale),
  );
}

/**
 * The district's name in a language (reference/geo/kg-district-names.json; a name in `unverified` is
 * shown but flagged in the places vocabulary for a speaker to check).
 */
export function districtName(id: DistrictId, locale: Locale): string {
  const district = DISTRICT_BY_ID.get(id);
  if (!district) throw new RangeError(`unknown district id ${String(id)}`);
  return district.names[locale];
}

/** A region's districts as pick-list choices, in alphabetical order of their names in `locale`. */
export function districtChoicesIn(
  region: RegionCode,
  locale: Locale,
): { value: DistrictId; label: string }[] {
  return districtsOf(region)
    .map((d) => ({ value: d.id, label: d.names[locale] }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
}
