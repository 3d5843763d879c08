import type { FormDefinition, FormField } from '../../../core/forms/types.ts';
import { DISTRICTS, REGIONS, districtName } from '../../../core/geo/regions.ts';
import { BISHKEK } from '../../../core/zoned-time.ts';
import { LOCALES, type Locale } from '../../../core/roles.ts';
import { envelope, type AppContext } from '../../platform/context.ts';
import { tr } from '../../platform/i18n.ts';
import { decryptUser } from '../users/users.presenter.ts';
import { usersRepo } from '../users/users.repo.ts';
import {
  ENTRY_KEY,
  type Labels,
  type PlanColumn,
  type RawRow,
  type RenderFormat,
  type RenderSpec,
} from './exports.types.ts';
import { SUBMISSION_STATUSES } from './submissions.schemas.ts';
import type { CellType } from './exports.xlsx.ts';

/**
 * What a monitoring export shows: fixed columns, then one or more columns per top-level field of the
 * form versions that occur in the mission. Redacted (the default) removes what can name or place a
 * person: free text, place names, GPS, file and signature ids, repeat groups' contents (their count
 * stays), and observers appear as a stable code instead of a name. An export of a group's entries
 * (`planEntries`) keeps only their yes/no and choice answers when redacted (ADR 0036). The rows
 * themselves are rendered in the export workers (exports.render.ts) from the plan made here.
 */
export const EXPORT_PAGE = 1000;

const FIXED = [
  'submission',
  'received_at',
  'submitted_at',
  'status',
  'duplicate_of',
  'corrected',
  'source',
  'critical',
  'region',
  'district',
  'site_code',
  'site',
  'observer',
  'form_version',
] as const;

/** Columns that name the site: worded by the mission's kind (ADR 0021), "участок" only in an election. */
const SITE_WORDED = new Set<string>(['site_code', 'site']);

const REDACTED_TYPES = new Set(['text', 'long_text', 'file', 'signature']);

function fieldColumns(f: FormField, redacted: boolean, locale: Locale): PlanColumn[] {
  const k = f.key;
  const col = (name: string, kind: PlanColumn['kind']): PlanColumn => ({ name, key: k, kind });
  if (f.type === 'location') {
    const cols = [col(`${k}.region`, 'loc.region'), col(`${k}.district`, 'loc.district')];
    if (!redacted)
      cols.push(col(`${k}.place`, 'loc.place'), col(`${k}.lat`, 'loc.lat'), col(`${k}.lon`, 'loc.lon'));
    return cols;
  }
  if (f.type === 'repeat') return [redacted ? col(`${k}.count`, 'count') : col(k, 'json')];
  if (redacted && REDACTED_TYPES.has(f.type)) return [];
  if (f.type === 'boolean') return [col(k, 'bool')];
  if (f.type === 'date' || f.type === 'datetime') return [{ ...col(k, 'scalar'), type: f.type }];
  // Choices in the reader's language, as yes/no are: "often_not" means little to a Russian reader.
  const labels = f.options?.length
    ? Object.fromEntries(f.options.map((o) => [o.key, o.label[locale] || o.key]))
    : undefined;
  if (f.type === 'multiple_choice') return [{ ...col(k, 'multi'), ...(labels ? { labels } : {}) }];
  return [{ ...col(k, 'scalar'), ...(labels && f.type === 'single_choice' ? { labels } : {}) }];
}

export interface ExportPlan {
  header: string[];
  /** The first location field with GPS, for GeoJSON points (unredacted only). */
  pointField: string | null;
  columns: PlanColumn[];
  /** The reviewers' translations, a column each after the questions (exports with names only). */
  translations: { locale: Locale; name: string }[];
  /** The repeat group whose entries are the rows (`planEntries`); null = a row per report. */
  entries: string | null;
}

/**
 * Columns from the form versions used in the mission, in form order, each field once. The mission's
 * kind picks the site columns' i18next context; election has no variant and keeps the plain key.
 */
export function planColumns(
  defs: FormDefinition[],
  redacted: boolean,
  locale: Locale,
  missionKind: string | null = null,
): ExportPlan {
  const seen = new Set<string>();
  const columns: PlanColumn[] = [];
  let pointField: string | null = null;
  // One column per key, planned from the newest version that has it, yet the rows of every version
  // fill it. A key that is free text (or a file) in any version of any of the mission's forms has
  // no column in a redacted export: otherwise the text written under an older version, or under
  // another form reusing the key, came out raw in a column planned as a choice (issue #5 review).
  const withheld = new Set<string>();
  if (redacted)
    for (const def of defs)
      for (const s of def.sections)
        for (const f of s.fields) if (REDACTED_TYPES.has(f.type)) withheld.add(f.key);
  for (const def of defs)
    for (const s of def.sections)
      for (const f of s.fields) {
        if (seen.has(f.key) || withheld.has(f.key)) continue;
        seen.add(f.key);
        if (f.type === 'location' && !redacted && !pointField) pointField = f.key;
        columns.push(...fieldColumns(f, redacted, locale));
      }
  // A translation is free text written from the report's answers: never in a redacted export (ADR 0028).
  const translations = redacted
    ? []
    : LOCALES.map((l) => ({
        locale: l,
        name: tr(locale, `errors:mon_export.column.translation_${l}`),
      }));
  const header = [
    ...fixedHeader(locale, missionKind),
    ...columns.map((c) => c.name),
    ...translations.map((c) => c.name),
  ];
  return { header, pointField, columns, translations, entries: null };
}

const fixedHeader = (locale: Locale, missionKind: string | null) =>
  FIXED.map((c) =>
    tr(
      locale,
      `errors:mon_export.column.${c}`,
      SITE_WORDED.has(c) && missionKind ? { context: missionKind } : {},
    ),
  );

/** The repeat groups with this key, in every form version that has one (newest first as given). */
export function repeatGroups(defs: FormDefinition[], key: string) {
  const out: { field: FormField; section: FormDefinition['sections'][number] }[] = [];
  for (const def of defs)
    for (const section of def.sections)
      for (const field of section.fields)
        if (field.key === key && field.type === 'repeat') out.push({ field, section });
  return out;
}

/**
 * An entry is often a person (an interviewee): in a redacted export its dates, numbers and places are
 * withheld too, since a detention date with a sex, an age band and the institution can single someone
 * out (ADR 0036). A report's own dates and numbers (the visit's) stay, as before.
 */
const ENTRY_REDACTED_TYPES = new Set([...REDACTED_TYPES, 'date', 'datetime', 'number', 'location']);

/**
 * One row per entry of a repeat group (a visit's interviews): the report's fixed columns, the entry's
 * number, then the group's questions (redacted: yes/no and choices only; a key that is withheld in any
 * version has no column). Nothing else of the report: its other answers are in the export of reports,
 * joined by the report's id.
 */
export function planEntries(
  defs: FormDefinition[],
  group: string,
  redacted: boolean,
  locale: Locale,
  missionKind: string | null = null,
): ExportPlan {
  const children = repeatGroups(defs, group).flatMap((g) => g.field.fields ?? []);
  const withheld = new Set(
    redacted ? children.filter((f) => ENTRY_REDACTED_TYPES.has(f.type)).map((f) => f.key) : [],
  );
  const seen = new Set<string>();
  const columns: PlanColumn[] = [
    { name: tr(locale, 'errors:mon_export.column.entry'), key: ENTRY_KEY, kind: 'scalar' },
  ];
  for (const f of children) {
    if (seen.has(f.key) || withheld.has(f.key)) continue;
    seen.add(f.key);
    columns.push(...fieldColumns(f, redacted, locale));
  }
  const header = [...fixedHeader(locale, missionKind), ...columns.map((c) => c.name)];
  return { header, pointField: null, columns, translations: [], entries: group };
}

/**
 * The XLSX header: its date-time columns hold local time (CSV keeps UTC), so they say which, as the app's
 * own tables do ("Time (Bishkek)").
 */
export function xlsxHeader(header: string[], types: readonly CellType[], locale: Locale): string[] {
  return header.map((h, i) =>
    types[i] === 'datetime' ? tr(locale, 'errors:mon_export.local_time', { column: h }) : h,
  );
}

/** Everything the workers need besides the rows, in the reader's language. */
export function renderSpec(
  plan: ExportPlan,
  format: RenderFormat,
  locale: Locale,
  versions: Map<string, number>,
): RenderSpec {
  const t = (k: string) => tr(locale, `errors:mon_export.${k}`);
  return {
    format,
    header: plan.header,
    columns: plan.columns,
    pointField: plan.pointField,
    yes: t('yes'),
    no: t('no'),
    sources: { observer: t('source.observer'), public: t('source.public') },
    statuses: Object.fromEntries(SUBMISSION_STATUSES.map((x) => [x, t(`status.${x}`)])),
    regions: Object.fromEntries(REGIONS.map((r) => [r.code, r.names[locale]])),
    districts: Object.fromEntries(DISTRICTS.map((d) => [d.id, districtName(d.id, locale)])),
    versions: Object.fromEntries(versions),
    // The organisation works in Kyrgyzstan's time, as the rest of the app shows it (core/zoned-time.ts).
    timeZone: BISHKEK,
    translations: plan.translations.map((c) => c.locale),
    entries: plan.entries,
  };
}

/** Sites and observers as the export shows them; each is looked up once and sent to the workers once. */
export class LabelSource {
  private readonly sites = new Set<string>();
  private readonly observers = new Set<string>();

  constructor(
    private readonly ctx: AppContext,
    private readonly redacted: boolean,
  ) {}

  /** The labels the page needs that were not sent before; null when there are none. */
  async newFor(rows: RawRow[]): Promise<Labels | null> {
    const siteIds = new Set<string>();
    const observerIds = new Set<string>();
    for (const r of rows) {
      if (r[8] && !this.sites.has(r[8])) siteIds.add(r[8]);
      if (r[9] && !this.observers.has(r[9])) observerIds.add(r[9]);
    }
    if (siteIds.size === 0 && observerIds.size === 0) return null;
    const labels: Labels = { sites: {}, observers: {} };
    if (siteIds.size) {
      const found = await this.ctx.db
        .selectFrom('sites')
        .select(['id', 'code', 'name', 'lat', 'lon'])
        .where('id', 'in', [...siteIds])
        .execute();
      for (const s of found) labels.sites[s.id] = [s.code, s.name, s.lat, s.lon];
      for (const id of siteIds) this.sites.add(id);
    }
    const env = envelope(this.ctx);
    for (const id of observerIds) {
      if (this.redacted) labels.observers[id] = `O-${env.blindIndex('export.observer', id).slice(0, 8)}`;
      else {
        const u = await usersRepo.byId(this.ctx.db, id);
        labels.observers[id] = u ? decryptUser(env, u).name : '—';
      }
      this.observers.add(id);
    }
    return labels;
  }
}
