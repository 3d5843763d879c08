import { districtByName, namesPlaceOnMap, regionByName } from '../../../core/geo/lookup.ts';
import { districtsOf, isDistrictOf } from '../../../core/geo/regions.ts';
import { csvUnguard, parseCsvRows, tidyCells } from '../../../core/csv.ts';
import { visitsOf } from '../../../core/visits.ts';

/** One line of a sites CSV after checking; `line` is the 1-based line number in the file. */
export interface SiteLine {
  line: number;
  code: string;
  name: string;
  region: string;
  district: string | null;
  place: string | null;
  lat: number | null;
  lon: number | null;
  /**
   * E-mails of the site's observers (the optional eighth column), lower-cased; null when the cell is
   * empty: then the site keeps whoever observes it now, so re-importing a corrected list of stations
   * never unassigns anyone by accident.
   */
  observers: string[] | null;
  /** Planned visits (the optional ninth column); null when empty: 1 for a new site, else unchanged. */
  visits: number | null;
}
export interface LineIssue {
  line: number;
  field: string;
  code:
    | 'required'
    | 'unknown_region'
    | 'unknown_district'
    | 'district_other_region'
    | 'invalid_number'
    | 'duplicate'
    | 'too_long'
    | 'columns'
    | 'unknown_observer'
    | 'region_not_yours'
    | 'point_half'
    | 'invalid_visits'
    | 'visits_election';
}

/** The columns of a sites CSV, in order; the export (sites.export.ts) writes them too. */
export const SITES_HEADER = [
  'code',
  'name',
  'region',
  'district',
  'place',
  'lat',
  'lon',
  'observers',
  'visits',
];
/** More observers on one site than any real station has; a longer cell is a mistake. */
const MAX_OBSERVERS = 20;
/** A rough shape check; whether an account has the address is the importer's question. */
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}$/;

/** The observers cell: e-mails separated by spaces, semicolons or commas (inside quotes). */
function observerCell(v: string): string[] | null {
  const list = v.split(/[\s;,]+/).filter(Boolean);
  return list.length ? [...new Set(list.map((e) => e.toLowerCase()))] : null;
}

/** A district id, or its name within the region in ky/ru/en ("Ала-Бука району", "Ала-Букинский район"). */
export function districtOf(region: string, v: string): string | null {
  const t = v.trim();
  if (isDistrictOf(region, t)) return t;
  return districtByName(region, t);
}

/** Check every line; the import is all or nothing, so every problem is reported at once. */
export function checkSitesCsv(text: string): { lines: SiteLine[]; issues: LineIssue[] } {
  // Blank lines are skipped, but every issue names the record's own line in the file.
  const rows = parseCsvRows(text).filter((r) => r.cells.some((c) => c.trim() !== ''));
  const issues: LineIssue[] = [];
  const lines: SiteLine[] = [];
  const head = (rows[0]?.cells ?? []).map((h) => h.trim().toLowerCase());
  const hasHeader = head[0] === 'code';
  if (hasHeader && SITES_HEADER.slice(0, 3).some((h, i) => head[i] !== h))
    issues.push({ line: rows[0]!.line, field: 'header', code: 'columns' });
  const seen = new Set<string>();
  rows.slice(hasHeader ? 1 : 0).forEach(({ line, cells: r }) => {
    const clean = tidyCells(r).map(csvUnguard);
    const [
      code = '',
      name = '',
      regionRaw = '',
      districtRaw = '',
      place = '',
      lat = '',
      lon = '',
      obs = '',
      visitsRaw = '',
    ] = clean;
    if (r.length > SITES_HEADER.length) issues.push({ line, field: 'line', code: 'columns' });
    if (!code) issues.push({ line, field: 'code', code: 'required' });
    else if (code.length > 40) issues.push({ line, field: 'code', code: 'too_long' });
    else if (seen.has(code)) issues.push({ line, field: 'code', code: 'duplicate' });
    seen.add(code);
    if (!name) issues.push({ line, field: 'name', code: 'required' });
    else if (name.length > 200) issues.push({ line, field: 'name', code: 'too_long' });
    // Names as spreadsheets write them (core/geo/lookup.ts: "Ошская обл.", "г. Бишкек", "Chui").
    const region = regionRaw ? regionByName(regionRaw) : null;
    if (!regionRaw) issues.push({ line, field: 'region', code: 'required' });
    else if (!region) issues.push({ line, field: 'region', code: 'unknown_region' });
    // Bishkek and Osh have city districts (Первомайский, Ленинский…) but no units of their own on our
    // maps: the district a ministry's list gives them is kept as the start of the place, not refused.
    // But a district or region of the map there is a line meant for an oblast ("Ош" is the city,
    // "Ошская обл." the oblast): refused, or Kara-Suu's prison would be routed to Osh city's coordinator.
    const cityDistrict = !!region && !!districtRaw && districtsOf(region).length === 0;
    if (cityDistrict && namesPlaceOnMap(districtRaw))
      issues.push({ line, field: 'district', code: 'district_other_region' });
    const district = region && districtRaw && !cityDistrict ? districtOf(region, districtRaw) : null;
    if (region && districtRaw && !cityDistrict && !district)
      issues.push({ line, field: 'district', code: 'unknown_district' });
    const where = cityDistrict ? [districtRaw, place].filter(Boolean).join(', ') : place;
    const num = (v: string, field: string, limit: number) => {
      if (!v) return null;
      const n = Number(v.replace(',', '.'));
      if (!Number.isFinite(n) || Math.abs(n) > limit) {
        issues.push({ line, field, code: 'invalid_number' });
        return null;
      }
      return n;
    };
    if (where.length > 200) issues.push({ line, field: 'place', code: 'too_long' });
    const la = num(lat, 'lat', 90);
    const lo = num(lon, 'lon', 180);
    // Both or neither; a coordinate already refused above is not named twice.
    if (lat && !lon && la !== null) issues.push({ line, field: 'lon', code: 'point_half' });
    if (lon && !lat && lo !== null) issues.push({ line, field: 'lat', code: 'point_half' });
    const observers = observerCell(obs);
    if (observers && observers.length > MAX_OBSERVERS)
      issues.push({ line, field: 'observers', code: 'too_long' });
    else if (observers?.some((e) => !EMAIL.test(e)))
      issues.push({ line, field: 'observers', code: 'unknown_observer' });
    const visits = visitsRaw ? visitsOf(visitsRaw) : null;
    if (visitsRaw && visits === null) issues.push({ line, field: 'visits', code: 'invalid_visits' });
    if (region)
      lines.push({
        line,
        code,
        name,
        region,
        district,
        place: where || null,
        lat: la,
        lon: lo,
        observers,
        visits,
      });
  });
  if (rows.length <= (hasHeader ? 1 : 0)) issues.push({ line: 1, field: 'line', code: 'required' });
  return { lines, issues: issues.slice(0, 200) };
}

/** Where a site is, by name: one key for "School No. 5" and "школа  №5" in one district. */
const placeKey = (p: { region: string; district: string | null; name: string }) =>
  [p.region, p.district ?? '', p.name.toLocaleLowerCase('ru').replace(/\s+/g, ' ').trim()].join('\u0000');

/** Two lines of one file that may be one site twice; the import takes both, the coordinator is told. */
export interface SameName {
  name: string;
  lines: number[];
}

/**
 * Lines naming the same place in the same district (or region without one) under different codes.
 * Two "School No. 5" in different districts are two schools, so names alone are no reason to refuse;
 * in one district, though, it is usually one station entered twice with a mistyped code, and it would
 * count twice as expected on election day.
 */
export function sameNameLines(lines: readonly SiteLine[]): SameName[] {
  const groups = new Map<string, SiteLine[]>();
  for (const l of lines) groups.set(placeKey(l), [...(groups.get(placeKey(l)) ?? []), l]);
  return [...groups.values()]
    .filter((g) => g.length > 1)
    .map((g) => ({ name: g[0]!.name, lines: g.map((l) => l.line) }))
    .slice(0, 20);
}

/** A new line of the file that may be a site the mission already has, under another code. */
export interface SameAsSite {
  line: number;
  name: string;
  code: string;
}

/**
 * New lines (a code the mission does not have) whose name is that of a site already in the mission,
 * in the same district, that the file leaves alone: usually a corrected list imported again with a
 * code retyped, which would leave the station in twice. Imported all the same, and pointed out.
 */
export function sameAsSites(
  lines: readonly SiteLine[],
  sites: readonly { code: string; name: string; region: string; district: string | null }[],
): SameAsSite[] {
  const inFile = new Set(lines.map((l) => l.code));
  const kept = new Map<string, string>();
  // By code, so that of two such sites the answer names the same one on either database.
  for (const s of [...sites].sort((a, b) => (a.code < b.code ? -1 : 1)))
    if (!inFile.has(s.code) && !kept.has(placeKey(s))) kept.set(placeKey(s), s.code);
  const known = new Set(sites.map((s) => s.code));
  return lines
    .filter((l) => !known.has(l.code) && kept.has(placeKey(l)))
    .map((l) => ({ line: l.line, name: l.name, code: kept.get(placeKey(l))! }))
    .slice(0, 20);
}
