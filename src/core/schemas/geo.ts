import { z } from 'zod';
import { DISTRICT_IDS, REGION_CODES } from '../geo/regions.ts';

/** An ISO 3166-2:KG region code: one of the 7 oblasts or the cities of Bishkek and Osh. */
export const RegionCode = z.enum(REGION_CODES);
export type RegionCode = z.infer<typeof RegionCode>;

/** A district (raion or city of oblast significance) by its Who's On First id, as a string. */
export const DistrictId = z.enum(DISTRICT_IDS);
export type DistrictId = z.infer<typeof DistrictId>;
