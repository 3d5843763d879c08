import type { Cell } from '../../../core/csv.ts';
import type { RowTranslations } from './exports.translations.ts';

/*
 * The shapes an export's main thread and its worker threads exchange (exports.render.ts): the rows as
 * read, the plan of columns, the spec and the pages. Types and constants only, so both sides import it.
 */

/** The submission columns an export reads, in this order (`RawRow`). */
export const RAW_COLUMNS = [
  'id',
  'received_at',
  'submitted_at',
  'status',
  'source',
  'critical',
  'region',
  'district',
  'site_id',
  'observer_id',
  'form_version_id',
  'answers',
  'dek',
  'duplicate_of',
  'corrected',
] as const;

export type RawRow = [
  id: string,
  receivedAt: string,
  submittedAt: string,
  status: string,
  source: string,
  critical: number,
  region: string | null,
  district: string | null,
  siteId: string | null,
  observerId: string | null,
  formVersionId: string,
  answers: string,
  dek: string,
  duplicateOf: string | null,
  corrected: string | null,
];

/** How one column reads its cell from the answers (see exports.rows.ts for which fields get which). */
export type ColumnKind =
  | 'loc.region'
  | 'loc.district'
  | 'loc.place'
  | 'loc.lat'
  | 'loc.lon'
  | 'count'
  | 'json'
  | 'bool'
  | 'multi'
  | 'scalar';

export interface PlanColumn {
  name: string;
  key: string;
  kind: ColumnKind;
  /** Choice fields: option key → label in the export's language. */
  labels?: Record<string, string>;
  /** Date and date-time fields (`scalar`): ISO text in CSV and GeoJSON, spreadsheet dates in XLSX only. */
  type?: 'date' | 'datetime';
}

export type RenderFormat = 'csv' | 'geojson' | 'xlsx';

export interface RenderSpec {
  format: RenderFormat;
  header: string[];
  columns: PlanColumn[];
  /** The location field whose GPS point becomes the GeoJSON geometry (unredacted exports only). */
  pointField: string | null;
  yes: string;
  no: string;
  sources: Record<string, string>;
  statuses: Record<string, string>;
  regions: Record<string, string>;
  districts: Record<string, string>;
  versions: Record<string, number>;
  /** The organisation's time zone (IANA name): XLSX shows instants as its wall-clock time. */
  timeZone: string;
  /** Languages whose reviewer translations follow the questions (exports with names only; ADR 0028). */
  translations: string[];
  /** A repeat group's key: one row per entry of it (the entry's number under `#`), none for a report without. */
  entries?: string | null;
}

/** What the main thread has learnt since the last page: labels of sites and observers. */
export interface Labels {
  /** A site's code, name and its own point (a polling station's, a prison's: public places). */
  sites: Record<string, [code: string, name: string, lat: number | null, lon: number | null]>;
  observers: Record<string, string>;
}

export interface RenderPage {
  /** Rows without their wrapped key (`dek` is empty): the key is in `keys`. */
  rows: RawRow[];
  /** The rows' data keys, 32 bytes each in row order; transferred to the worker, wiped after the page. */
  keys: Uint8Array;
  /** GeoJSON: the first page writes no comma before its first feature. */
  first: boolean;
  /** The first `opened` rows carry their answers decrypted already, by the main thread (`pageKeys`). */
  opened: number;
  /** Each row's translations (sealed; opened for the first `opened` rows), when the spec has any. */
  translations?: RowTranslations[];
}

/** CSV and GeoJSON come back as UTF-8 bytes; XLSX as cells for the spreadsheet writer. */
export type Rendered = Uint8Array | Cell[][];

/**
 * The answer key under which the renderer finds an entry's number (1, 2, …): not a possible field key
 * (FIELD_KEY_RE), so no question's answer can land in that column.
 */
export const ENTRY_KEY = '#';

/** Each row's data key in `RenderPage.keys`. */
export const KEY_BYTES = 32;
