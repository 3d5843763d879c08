import type { Cell } from '../../../core/csv.ts';
import type { ColumnKind, RenderSpec } from './exports.types.ts';

/**
 * One answer's cell in a monitoring export, by its column's kind (exports.rows.ts plans which field
 * gets which). Part of the export workers' bundle: imports nothing but types.
 */
type Loc = { region?: unknown; district?: unknown; place?: unknown; lat?: unknown; lon?: unknown };

export const loc = (v: unknown): Loc => (v && typeof v === 'object' ? v : {});
const str = (v: unknown): Cell => (typeof v === 'string' ? v : null);
const num = (v: unknown): Cell => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** What a cell needs besides its value: place names and the column's option labels. */
export interface CellContext {
  spec: RenderSpec;
  regions: Map<string, string>;
  districts: Map<string, string>;
  labels: Map<string, string> | undefined;
}

const label = (m: Map<string, string> | undefined, v: string) => m?.get(v) ?? v;

export function cellOf(kind: ColumnKind, v: unknown, c: CellContext): Cell {
  const spec = c.spec;
  switch (kind) {
    case 'loc.region': {
      const r = loc(v).region;
      return typeof r === 'string' ? label(c.regions, r) : null;
    }
    case 'loc.district': {
      const d = loc(v).district;
      return typeof d === 'string' ? label(c.districts, d) : null;
    }
    case 'loc.place':
      return str(loc(v).place);
    case 'loc.lat':
      return num(loc(v).lat);
    case 'loc.lon':
      return num(loc(v).lon);
    case 'count':
      return Array.isArray(v) ? v.length : null;
    case 'json':
      return v === undefined ? null : JSON.stringify(v);
    case 'bool':
      return v === true ? spec.yes : v === false ? spec.no : null;
    case 'multi':
      return Array.isArray(v) ? v.map((x) => label(c.labels, String(x))).join('; ') : null;
    case 'scalar':
      return typeof v === 'number' ? v : typeof v === 'string' ? label(c.labels, v) : null;
  }
}
