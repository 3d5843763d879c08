import type { z } from 'zod';
import type { Locale } from '../../../core/roles.ts';
import type { ExportBody } from '../../../core/schemas/violation-stats.ts';
import { requireCap, requireReauth, type Actor } from '../../platform/access/policy.ts';
import { authoriseNamedExport } from '../approvals/export-approval.ts';
import { auditNow, envelope, type AppContext } from '../../platform/context.ts';
import type { Envelope } from '../../platform/crypto/envelope.ts';
import type { Executor } from '../../platform/db/db.ts';
import { tr } from '../../platform/i18n.ts';
import {
  bishkekDate,
  CONTENT_TYPES,
  labelsFor,
  tableStream,
  type Cell,
  type Download,
  type Labels,
} from '../cases/cases.export.format.ts';
import { decryptNames, displayName } from '../people/people.presenter.ts';
import { exportHead, exportPage, type ExportActRow } from './stats.repo.ts';
import { eventFilterOf, filterNames } from './stats.service.ts';
import type { EventFilter } from './violations.repo.ts';

/**
 * The act table of violation records as CSV or XLSX (issue #4 item 5): one row per act, the events
 * the actor may see only (restricted events of others never enter it). Redacted by default: the victim
 * is a pseudonymous code (`V-` and a keyed hash of the person, the same in every export of this
 * installation, so rows of one victim can be counted together) and the event has no title. Every
 * export needs a fresh re-authentication (SECURITY.md) and is audited, with its row count, before
 * the first row leaves; the unredacted one is audited as such.
 */
export const EXPORT_PAGE = 500;
const SCHEMES = [
  'esf_types_of_acts',
  'esf_types_of_perpetrators',
  'esf_violation_status',
  'esf_rights_typology',
  'kg_constitution',
  'intl_rights',
];

type Body = z.infer<typeof ExportBody>;

/** A victim's stable code in exports; the merged record's code is the survivor's. */
export function victimCode(env: Envelope, personId: string): string {
  return `V-${env.blindIndex('export.victim', personId).slice(0, 8)}`;
}

async function termLabels(db: Executor, locale: Locale): Promise<(scheme: string, code: string) => string> {
  const rows = await db
    .selectFrom('vocab_terms')
    .select(['scheme', 'code', 'label_ky', 'label_ru', 'label_en'])
    .where('scheme', 'in', SCHEMES)
    .execute();
  const m = new Map(rows.map((r) => [`${r.scheme}:${r.code}`, r[`label_${locale}`] || r.label_en]));
  return (scheme, code) => m.get(`${scheme}:${code}`) ?? code;
}

const COLUMNS = [
  'event_number',
  'event_start',
  'act_start',
  'region',
  'district',
  'violation_status',
  'act_type_code',
  'act_type',
  'victim_code',
  'victim_kind',
  'group_size',
  'sex',
  'age_group',
  'perpetrator_types',
  'rights',
] as const;

function group<T>(rows: T[], key: (r: T) => string, value: (r: T) => string): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), value(r)]);
  return m;
}

async function* actRows(
  ctx: AppContext,
  actor: Actor,
  f: EventFilter,
  last: string,
  redacted: boolean,
  L: Labels,
  term: (scheme: string, code: string) => string,
): AsyncGenerator<Cell[][]> {
  const env = envelope(ctx);
  let after: { event: string; act: string } | null = null;
  for (;;) {
    const rows: ExportActRow[] = await exportPage(ctx.db, { actor }, f, last, after, EXPORT_PAGE);
    if (rows.length === 0) return;
    const ids = rows.map((r) => r.id);
    const [people, involvements, rights] = await Promise.all([
      ctx.db
        .selectFrom('people')
        .selectAll()
        .where('id', 'in', [...new Set(rows.map((r) => r.victim_id))])
        .execute(),
      ctx.db
        .selectFrom('vio_involvements')
        .select(['act_id', 'perpetrator_type'])
        .where('act_id', 'in', ids)
        .execute(),
      ctx.db
        .selectFrom('vio_act_rights')
        .select(['act_id', 'scheme', 'code'])
        .where('act_id', 'in', ids)
        .execute(),
    ]);
    const person = new Map(people.map((p) => [p.id, p]));
    const perpOf = group(
      involvements,
      (i) => i.act_id,
      (i) => (i.perpetrator_type ? term('esf_types_of_perpetrators', i.perpetrator_type) : '—'),
    );
    const rightsOf = group(
      rights,
      (r) => r.act_id,
      (r) => term(r.scheme, r.code),
    );
    yield rows.map((r) => {
      const p = person.get(r.victim_id);
      const cells: Cell[] = [
        r.number,
        r.event_start,
        r.act_start,
        r.region ? L.region(r.region) : null,
        r.district ? L.district(r.district) : null,
        r.violation_status ? term('esf_violation_status', r.violation_status) : null,
        r.act_type,
        term('esf_types_of_acts', r.act_type),
        victimCode(env, p?.merged_into ?? r.victim_id),
        p ? tr(L.locale, `errors:violation_stats.kind.${p.kind}`) : null,
        p?.group_size ?? null,
        p ? L.enumLabel('sex', p.sex) : null,
        p ? L.enumLabel('age_group', p.age_group) : null,
        [...new Set(perpOf.get(r.id) ?? [])].sort().join('; '),
        (rightsOf.get(r.id) ?? []).join('; '),
      ];
      if (redacted) return cells;
      const title = env.openRecordKey('vio_events', r.event_id, r.dek).decrypt('title', r.title_enc);
      const name = p ? displayName(decryptNames(env, p).names) : null;
      return [cells[0]!, title, ...cells.slice(1, 9), name, ...cells.slice(9)];
    });
    if (rows.length < EXPORT_PAGE) return;
    const end = rows[rows.length - 1]!;
    after = { event: end.event_id, act: end.id };
  }
}

async function* none(): AsyncGenerator<Cell[][]> {}

/** `POST /api/violations/export`. */
export async function exportActs(
  ctx: AppContext,
  actor: Actor | null,
  body: Body,
  locale: Locale,
): Promise<Download> {
  requireCap(actor, 'violations.read');
  requireReauth(actor);
  const f = await eventFilterOf(ctx, actor, body.filters);
  const approvalId = body.redacted
    ? null
    : await authoriseNamedExport(ctx, actor, 'violations', body.filters);
  const head = await exportHead(ctx.db, { actor }, f);
  await auditNow(ctx, {
    actorId: actor.userId,
    action: body.redacted ? 'violation.export' : 'violation.export_full',
    entityType: 'vio_event',
    details: {
      format: body.format,
      redacted: body.redacted,
      count: head.count,
      filters: filterNames(body.filters),
      ...(approvalId ? { approvalId } : {}),
    },
  });
  const [L, term] = await Promise.all([labelsFor(ctx.db, locale), termLabels(ctx.db, locale)]);
  const names: string[] = body.redacted
    ? [...COLUMNS]
    : [COLUMNS[0], 'event_title', ...COLUMNS.slice(1, 9), 'victim_name', ...COLUMNS.slice(9)];
  const header = names.map((c) => tr(locale, `errors:violation_stats.column.${c}`));
  const pages = head.last ? actRows(ctx, actor, f, head.last, body.redacted, L, term) : none();
  return {
    filename: `ukuk-violations${body.redacted ? '' : '-full'}-${bishkekDate()}.${body.format}`,
    contentType: CONTENT_TYPES[body.format],
    body: tableStream(body.format, tr(locale, 'errors:violation_stats.sheet'), header, pages),
  };
}
