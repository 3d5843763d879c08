import type { FormDefinition, FormField } from '../../../core/forms/types.ts';
import { districtName, isDistrictId, isRegionCode, regionName } from '../../../core/geo/regions.ts';
import type { Locale } from '../../../core/roles.ts';
import { envelope, type AppContext } from '../../platform/context.ts';
import type { Cell } from '../cases/cases.export.format.ts';
import { tr } from '../../platform/i18n.ts';
import { decryptUser } from '../users/users.presenter.ts';
import { usersRepo } from '../users/users.repo.ts';
import type { ExportRow } from './exports.writers.ts';

/**
 * The rows of a monitoring export: fixed columns, then one or more columns per top-level field of
 * the form versions that occur in the mission. Redacted (the default) removes what can name or place a
 * person: free text, place names, GPS, file and signature ids, repeat groups' contents (their count
 * stays), and observers appear as a stable code instead of a name.
 */
export const EXPORT_PAGE = 1000;

const FIXED = [
  'submission',
  'received_at',
  'submitted_at',
  'status',
  'source',
  'critical',
  'region',
  'district',
  'site_code',
  'site',
  'observer',
  'form_version',
] as const;

type Column = { name: string; get: (a: Record<string, unknown>) => Cell };

const REDACTED_TYPES = new Set(['text', 'long_text', 'file', 'signature']);

function loc(a: unknown): {
  region?: unknown;
  district?: unknown;
  place?: unknown;
  lat?: unknown;
  lon?: unknown;
} {
  return a && typeof a === 'object' ? a : {};
}
const str = (v: unknown): Cell => (typeof v === 'string' ? v : null);
const numOf = (v: unknown): Cell => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function fieldColumns(f: FormField, redacted: boolean, yes: string, no: string): Column[] {
  const k = f.key;
  if (f.type === 'location') {
    const cols: Column[] = [
      { name: `${k}.region`, get: (a) => str(loc(a[k]).region) },
      { name: `${k}.district`, get: (a) => str(loc(a[k]).district) },
    ];
    if (!redacted)
      cols.push(
        { name: `${k}.place`, get: (a) => str(loc(a[k]).place) },
        { name: `${k}.lat`, get: (a) => numOf(loc(a[k]).lat) },
        { name: `${k}.lon`, get: (a) => numOf(loc(a[k]).lon) },
      );
    return cols;
  }
  if (f.type === 'repeat') {
    if (redacted) return [{ name: `${k}.count`, get: (a) => (Array.isArray(a[k]) ? a[k].length : null) }];
    return [{ name: k, get: (a) => (a[k] === undefined ? null : JSON.stringify(a[k])) }];
  }
  if (redacted && REDACTED_TYPES.has(f.type)) return [];
  if (f.type === 'boolean')
    return [{ name: k, get: (a) => (a[k] === true ? yes : a[k] === false ? no : null) }];
  if (f.type === 'multiple_choice')
    return [{ name: k, get: (a) => (Array.isArray(a[k]) ? a[k].map(String).join('; ') : null) }];
  return [{ name: k, get: (a) => (typeof a[k] === 'number' || typeof a[k] === 'string' ? a[k] : null) }];
}

export interface ExportPlan {
  header: string[];
  /** The first location field with GPS, for GeoJSON points (unredacted only). */
  pointField: string | null;
  columns: Column[];
}

/** Columns from the form versions used in the mission, in form order, each field once. */
export function planColumns(defs: FormDefinition[], redacted: boolean, locale: Locale): ExportPlan {
  const t = (k: string) => tr(locale, `errors:mon_export.${k}`);
  const seen = new Set<string>();
  const columns: Column[] = [];
  let pointField: string | null = null;
  for (const def of defs)
    for (const s of def.sections)
      for (const f of s.fields) {
        if (seen.has(f.key)) continue;
        seen.add(f.key);
        if (f.type === 'location' && !redacted && !pointField) pointField = f.key;
        columns.push(...fieldColumns(f, redacted, t('yes'), t('no')));
      }
  const header = [...FIXED.map((c) => t(`column.${c}`)), ...columns.map((c) => c.name)];
  return { header, pointField, columns };
}

export interface SubmissionExportRow {
  id: string;
  received_at: string;
  submitted_at: string;
  status: string;
  source: string;
  critical: number;
  region: string | null;
  district: string | null;
  site_id: string | null;
  observer_id: string | null;
  form_version_id: string;
  answers: string;
  dek: string;
}

/** Turns pages of submission rows into export rows; caches sites, observers and versions it met. */
export class RowBuilder {
  private readonly sites = new Map<string, { code: string; name: string }>();
  private readonly observers = new Map<string, string>();
  private readonly env;

  constructor(
    private readonly ctx: AppContext,
    private readonly plan: ExportPlan,
    private readonly redacted: boolean,
    private readonly locale: Locale,
    private readonly versions: Map<string, number>,
  ) {
    this.env = envelope(ctx);
  }

  private async load(rows: SubmissionExportRow[]): Promise<void> {
    const siteIds = [...new Set(rows.map((r) => r.site_id).filter((x): x is string => !!x))].filter(
      (id) => !this.sites.has(id),
    );
    if (siteIds.length) {
      const found = await this.ctx.db
        .selectFrom('sites')
        .select(['id', 'code', 'name'])
        .where('id', 'in', siteIds)
        .execute();
      for (const s of found) this.sites.set(s.id, { code: s.code, name: s.name });
    }
    const obs = [...new Set(rows.map((r) => r.observer_id).filter((x): x is string => !!x))].filter(
      (id) => !this.observers.has(id),
    );
    for (const id of obs) {
      if (this.redacted) {
        this.observers.set(id, `O-${this.env.blindIndex('export.observer', id).slice(0, 8)}`);
      } else {
        const u = await usersRepo.byId(this.ctx.db, id);
        this.observers.set(id, u ? decryptUser(this.env, u).name : '—');
      }
    }
  }

  async page(rows: SubmissionExportRow[]): Promise<ExportRow[]> {
    await this.load(rows);
    const L = this.locale;
    const t = (k: string) => tr(L, `errors:mon_export.${k}`);
    const yes = t('yes');
    const no = t('no');
    const source = { observer: t('source.observer'), public: t('source.public') } as Record<string, string>;
    return rows.map((r) => {
      const key = this.env.openRecordKey('submissions', r.id, r.dek);
      const answers = JSON.parse(key.decrypt('answers', r.answers)) as Record<string, unknown>;
      const site = r.site_id ? this.sites.get(r.site_id) : undefined;
      const cells: Cell[] = [
        r.id,
        r.received_at,
        r.submitted_at,
        r.status,
        source[r.source] ?? r.source,
        r.critical ? yes : no,
        r.region ? (isRegionCode(r.region) ? regionName(r.region, L) : r.region) : null,
        r.district ? (isDistrictId(r.district) ? districtName(r.district, L) : r.district) : null,
        site?.code ?? null,
        site?.name ?? null,
        r.observer_id ? (this.observers.get(r.observer_id) ?? null) : null,
        this.versions.get(r.form_version_id) ?? null,
      ];
      for (const c of this.plan.columns) cells.push(c.get(answers));
      let point: [number, number] | null = null;
      if (this.plan.pointField) {
        const p = loc(answers[this.plan.pointField]);
        if (typeof p.lat === 'number' && typeof p.lon === 'number') point = [p.lon, p.lat];
      }
      return { cells, point };
    });
  }
}
