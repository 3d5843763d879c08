import { csvLine } from '../../../../core/csv';
import { REGIONS, districtsOf } from '../../../../core/geo/regions';

/**
 * The regions and districts a sites CSV may name, with the codes the import takes, in the three
 * languages: what an administrator matches a ministry's list of polling stations or prisons against.
 * Bishkek and Osh, which have no districts here, have a line of their own with the district empty.
 */
export function geoListCsv(): string {
  let out = `\uFEFF${csvLine(['region', 'region_ky', 'region_ru', 'region_en', 'district', 'district_ky', 'district_ru', 'district_en'])}`;
  for (const r of REGIONS) {
    const region = [r.code, r.names.ky, r.names.ru, r.names.en];
    const districts = districtsOf(r.code);
    if (districts.length === 0) out += csvLine([...region, '', '', '', '']);
    for (const d of districts) out += csvLine([...region, d.id, d.names.ky, d.names.ru, d.names.en]);
  }
  return out;
}
