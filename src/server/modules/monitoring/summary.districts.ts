import { districtsOf, isDistrictOf, isRegionCode } from '../../../core/geo/regions.ts';
import type { AppContext } from '../../platform/context.ts';
import { regionInScope, type Scope } from './monitoring.access.ts';
import {
  checklistCount,
  countedSum,
  receivedPairs,
  staffedVisits,
  unstaffedCounted,
} from './sites.status.ts';

export interface DistrictFigures {
  /** By district id, or by region code for Bishkek and Osh, which have no districts (the map's units). */
  byDistrict: { area: string; expected: number; received: number }[];
  /** Sites with no district (in a region that has districts): not on the district map. */
  unplaced: number;
}

/** The district map's unit of a site: its district, its city, or none. */
function areaOf(region: string, district: string | null): string | null {
  if (!isRegionCode(region)) return null;
  if (districtsOf(region).length === 0) return region;
  return district && isDistrictOf(region, district) ? district : null;
}

/**
 * Expected and received checklists per district, so that a region coordinator sees which districts of
 * their region are quiet. By the dashboard's rule (buildSummary): a staffed site owes one checklist per
 * checklist form at each planned visit (ADR 0037), a site nobody was sent to only what it sent. Received counts site × checklist-form
 * pairs of the mission's current forms (sites.status.ts `receivedPairs`), as the regions' figures do,
 * so a region's districts add up to it (with its sites that have no district). Two grouped reads over
 * the mission's sites and their counter rows: O(sites), never a scan of submissions.
 */
export async function districtFigures(
  ctx: AppContext,
  missionId: string,
  scope: Scope,
): Promise<DistrictFigures> {
  const [sites, received, checklists] = await Promise.all([
    ctx.db
      .selectFrom('sites as s')
      .select([
        's.region',
        's.district',
        (eb) => eb.fn.countAll<number>().as('n'),
        (eb) => staffedVisits(eb).as('visits'),
      ])
      .where('s.mission_id', '=', missionId)
      .groupBy(['s.region', 's.district'])
      .execute(),
    receivedPairs(ctx.db, [missionId])
      .select([
        's.region',
        's.district',
        (eb) => countedSum(eb).as('n'),
        (eb) => unstaffedCounted(eb).as('unstaffed'),
      ])
      .groupBy(['s.region', 's.district'])
      .execute(),
    checklistCount(ctx.db, missionId),
  ]);
  const areas = new Map<string, DistrictFigures['byDistrict'][number]>();
  const slot = (area: string) => {
    if (!areas.has(area)) areas.set(area, { area, expected: 0, received: 0 });
    return areas.get(area)!;
  };
  let unplaced = 0;
  for (const s of sites) {
    if (!regionInScope(scope, s.region)) continue;
    const area = areaOf(s.region, s.district);
    if (area === null) unplaced += Number(s.n);
    else slot(area).expected += Number(s.visits) * checklists;
  }
  for (const r of received) {
    const area = regionInScope(scope, r.region) ? areaOf(r.region, r.district) : null;
    if (area === null) continue;
    slot(area).received += Number(r.n);
    // A checklist from a site nobody was sent to is expected as well as received (buildSummary's rule).
    slot(area).expected += Number(r.unstaffed);
  }
  return { byDistrict: [...areas.values()].sort((a, b) => a.area.localeCompare(b.area)), unplaced };
}
