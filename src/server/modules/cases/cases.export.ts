import type { Locale } from '../../../core/roles.ts';
import { requireCap, requireReauth, type Actor } from '../../platform/access/policy.ts';
import { authoriseNamedExport } from '../approvals/export-approval.ts';
import { auditNow, envelope, type AppContext } from '../../platform/context.ts';
import type { Envelope } from '../../platform/crypto/envelope.ts';
import type { Executor } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors.ts';
import { decryptNames, displayName } from '../people/people.presenter.ts';
import { peopleRepo } from '../people/people.repo.ts';
import {
  bishkekDate,
  CONTENT_TYPES,
  labelsFor,
  tableStream,
  type Cell,
  type Download,
  type Labels,
  type TableFormat,
} from './cases.export.format.ts';
import { casesRepo, type CaseFilter } from './cases.repo.ts';
import { yearStats, type YearStats } from './cases.stats.ts';

/**
 * Exports of the legal-aid module (issue #3 item 8). Statistics are aggregates (no names). The case
 * list is redacted by default: codes instead of names, no title, summary or docket; the full list
 * is for administrators only. Both need a fresh re-authentication and are audited before any row
 * leaves (SECURITY.md: exports).
 */
export const EXPORT_PAGE = 500;

type Breakdown = YearStats['byType'];
export interface StatsSection {
  key: 'by_type' | 'by_sex' | 'by_age_group' | 'by_region' | 'by_vulnerability' | 'by_outcome';
  rows: { label: string; people: number }[];
}

/** The headline figures: catalog key of the figure, value, unit. */
export function headline(s: YearStats): [string, number, 'people' | 'cases'][] {
  return [
    ['people', s.people, 'people'],
    ['victims', s.victims, 'people'],
    ['cases', s.cases, 'cases'],
    ['cases_opened', s.casesOpened, 'cases'],
    ['cases_closed', s.casesClosed, 'cases'],
  ];
}

/** The breakdowns with their codes translated. */
export function statsSections(s: YearStats, L: Labels): StatsSection[] {
  const rows = (b: Breakdown, label: (v: string) => string) =>
    b.map((r) => ({ label: label(r.value), people: r.people }));
  return [
    { key: 'by_type', rows: rows(s.byType, (v) => L.term('case_type', v)) },
    { key: 'by_sex', rows: rows(s.bySex, (v) => L.enumLabel('sex', v)) },
    { key: 'by_age_group', rows: rows(s.byAgeGroup, (v) => L.enumLabel('age_group', v)) },
    { key: 'by_region', rows: rows(s.byRegion, (v) => L.region(v)) },
    { key: 'by_vulnerability', rows: rows(s.byVulnerability, (v) => L.enumLabel('vulnerability', v)) },
    { key: 'by_outcome', rows: rows(s.byOutcome, (v) => L.term('closing_code', v)) },
  ];
}

/** The definitions that make the figures comparable: term, text. */
export function definitions(s: YearStats, L: Labels): [string, string][] {
  return [
    [L.t('figure.people'), s.definitions.people],
    [L.t('figure.victims'), s.definitions.victims],
    [L.t('figure.cases'), L.t('definition.cases')],
    [L.t('report.breakdowns'), L.t('definition.breakdowns')],
  ];
}

function statsTable(s: YearStats, L: Labels): Cell[][] {
  const summary = L.t('section.summary');
  const out: Cell[][] = [[summary, L.t('figure.year'), s.year, null]];
  for (const [key, value, unit] of headline(s))
    out.push([summary, L.t(`figure.${key}`), value, L.t(`unit.${unit}`)]);
  for (const section of statsSections(s, L))
    for (const r of section.rows)
      out.push([L.t(`section.${section.key}`), r.label, r.people, L.t('unit.people')]);
  for (const [term, text] of definitions(s, L)) out.push([L.t('section.definitions'), term, text, null]);
  return out;
}

async function* once<T>(value: T): AsyncGenerator<T> {
  yield value;
}

/** The year's statistics as a table (section, figure, value, unit) in the user's language. */
export async function exportStats(
  ctx: AppContext,
  actor: Actor | null,
  q: { year: number; format: TableFormat },
  locale: Locale,
): Promise<Download> {
  requireCap(actor, 'reports.read');
  const [stats, L] = await Promise.all([yearStats(ctx.db, q.year, locale), labelsFor(ctx.db, locale)]);
  await auditNow(ctx, {
    actorId: actor.userId,
    action: 'stats.export',
    entityType: 'stats',
    details: { year: q.year, format: q.format },
  });
  const header = ['section', 'figure', 'value', 'unit'].map((c) => L.t(`column.${c}`));
  return {
    filename: `ukuk-stats-${q.year}.${q.format}`,
    contentType: CONTENT_TYPES[q.format],
    body: tableStream(q.format, L.t('sheet.stats'), header, once(statsTable(stats, L))),
  };
}

const REDACTED_COLUMNS = [
  'number',
  'type',
  'status',
  'stage',
  'region',
  'district',
  'opened_on',
  'closed_on',
  'closing',
  'problems',
  'funders',
  'lead',
  'restricted',
] as const;

/**
 * A user's stable code in exports (`U-1a2b3c`): a keyed hash of the id, so the same lawyer has the
 * same code in every export of this installation, and the file alone does not say who it is.
 */
export function userCode(env: Envelope, userId: string): string {
  return `U-${env.blindIndex('export.user', userId).slice(0, 6)}`;
}

type ExportRow = Awaited<ReturnType<typeof pageOfCases>>[number];

function pageOfCases(db: Executor, actor: Actor, f: CaseFilter, last: string, after: string | null) {
  let q = casesRepo
    .filtered(db, actor, f)
    .select([
      'c.id',
      'c.dek',
      'c.number',
      'c.type',
      'c.status',
      'c.stage',
      'c.region',
      'c.district',
      'c.opened_on',
      'c.closed_on',
      'c.closing_code',
      'c.lead_user_id',
      'c.restricted',
      'c.title_enc',
    ])
    .where('c.id', '<=', last)
    .orderBy('c.id')
    .limit(EXPORT_PAGE);
  if (after) q = q.where('c.id', '>', after);
  return q.execute();
}

function grouped<T extends { case_id: string }>(rows: T[], value: (r: T) => string): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const r of rows) m.set(r.case_id, [...(m.get(r.case_id) ?? []), value(r)]);
  return m;
}

/** The names of the people in each case of a page, with their roles (full export only). */
async function peopleOf(ctx: AppContext, ids: string[], L: Labels): Promise<Map<string, string[]>> {
  const links = await ctx.db
    .selectFrom('case_people')
    .select(['case_id', 'person_id', 'role'])
    .where('case_id', 'in', ids)
    .orderBy('added_at')
    .execute();
  const env = envelope(ctx);
  const people = await peopleRepo.byIds(ctx.db, [...new Set(links.map((l) => l.person_id))]);
  const names = new Map(people.map((p) => [p.id, displayName(decryptNames(env, p).names)]));
  return grouped(links, (l) => `${names.get(l.person_id) ?? '—'} (${L.enumLabel('role', l.role)})`);
}

async function* caseRows(
  ctx: AppContext,
  actor: Actor,
  f: CaseFilter,
  last: string,
  redacted: boolean,
  L: Labels,
): AsyncGenerator<Cell[][]> {
  const env = envelope(ctx);
  const codes = new Map<string, string>();
  const code = (id: string) => {
    const known = codes.get(id);
    if (known) return known;
    const made = userCode(env, id);
    codes.set(id, made);
    return made;
  };
  const byName = (a: string, b: string) => a.localeCompare(b, L.locale);
  let after: string | null = null;
  for (;;) {
    const rows: ExportRow[] = await pageOfCases(ctx.db, actor, f, last, after);
    if (rows.length === 0) return;
    const ids = rows.map((r) => r.id);
    const [problems, funders, people] = await Promise.all([
      ctx.db.selectFrom('case_problems').select(['case_id', 'code']).where('case_id', 'in', ids).execute(),
      ctx.db.selectFrom('case_funders').select(['case_id', 'tag']).where('case_id', 'in', ids).execute(),
      redacted ? null : peopleOf(ctx, ids, L),
    ]);
    const problemsOf = grouped(problems, (p) => L.term('legal_problem', p.code));
    const fundersOf = grouped(funders, (p) => p.tag);
    yield rows.map((r) => {
      const cells: Cell[] = [
        r.number,
        L.term('case_type', r.type),
        L.enumLabel('status', r.status),
        r.stage ? L.enumLabel('stage', r.stage) : null,
        r.region ? L.region(r.region) : null,
        r.district ? L.district(r.district) : null,
        r.opened_on,
        r.closed_on,
        r.closing_code ? L.term('closing_code', r.closing_code) : null,
        (problemsOf.get(r.id) ?? []).sort(byName).join('; '),
        (fundersOf.get(r.id) ?? []).sort(byName).join('; '),
        code(r.lead_user_id),
        L.t(r.restricted === 1 ? 'value.yes' : 'value.no'),
      ];
      if (redacted) return cells;
      const title = env.openRecordKey('cases', r.id, r.dek).decrypt('title', r.title_enc);
      return [cells[0]!, title, ...cells.slice(1), (people?.get(r.id) ?? []).join('; ')];
    });
    if (rows.length < EXPORT_PAGE) return;
    after = rows[rows.length - 1]!.id;
  }
}

export interface CasesExportQuery extends CaseFilter {
  format: TableFormat;
  redacted: boolean;
}

/**
 * The cases the user may see under the filters, as CSV or XLSX, written page by page. The audit
 * entry (with the row count) is written before the first row leaves; rows created after that moment
 * are not included (the export stops at the last id counted).
 */
export async function exportCases(
  ctx: AppContext,
  actor: Actor | null,
  q: CasesExportQuery,
  locale: Locale,
): Promise<Download> {
  requireCap(actor, 'cases.read');
  if (!q.redacted && actor.role !== 'admin') throw new AppError('auth.forbidden');
  requireReauth(actor);
  const { format, redacted, ...filter } = q;
  const approvalId = redacted ? null : await authoriseNamedExport(ctx, actor, 'cases', filter);
  const head = await casesRepo
    .filtered(ctx.db, actor, filter)
    .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.max('c.id').as('last')])
    .executeTakeFirstOrThrow();
  const count = Number(head.n);
  const filters = Object.entries(filter)
    .filter(([, v]) => v !== undefined && v !== false)
    .map(([k, v]) => `${k}=${String(v)}`);
  await auditNow(ctx, {
    actorId: actor.userId,
    action: 'case.export',
    entityType: 'case',
    details: { format, redacted, count, filters, ...(approvalId ? { approvalId } : {}) },
  });
  const L = await labelsFor(ctx.db, locale);
  const columns: string[] = redacted
    ? [...REDACTED_COLUMNS]
    : [REDACTED_COLUMNS[0], 'title', ...REDACTED_COLUMNS.slice(1), 'people'];
  const last = head.last as string | null;
  const pages = last ? caseRows(ctx, actor, filter, last, redacted, L) : once<Cell[][]>([]);
  return {
    filename: `ukuk-cases${redacted ? '' : '-full'}-${bishkekDate()}.${format}`,
    contentType: CONTENT_TYPES[format],
    body: tableStream(
      format,
      L.t('sheet.cases'),
      columns.map((c) => L.t(`column.${c}`)),
      pages,
    ),
  };
}
