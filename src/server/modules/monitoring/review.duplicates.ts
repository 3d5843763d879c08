import type { z } from 'zod';
import type { Actor } from '../../platform/access/policy.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Executor, Tx } from '../../platform/db/db.ts';
import { userNames } from '../users/users.names.ts';
import type { SubmissionsTable } from '../../platform/db/schema.monitoring.ts';
import { AppError, type ErrorCode } from '../../platform/errors.ts';
import { reviewsSubmission, submissionVisibleTo } from './monitoring.access.ts';
import type * as S from './submissions.schemas.ts';

/**
 * Duplicates: on election day several observers and passers-by report the same incident, and most of
 * a situation room's triage is setting copies aside (Uchaguzi 2017: 8% signal). A reviewer rejects a
 * copy as the duplicate of the report that stays; the copy keeps its answers and is listed on the
 * original as corroboration, and it leaves the dashboard's counts as every rejected report does.
 * The link lives while the copy is rejected: reopening it clears `duplicate_of`.
 */

export type Similar = z.infer<typeof S.SimilarReport>;

const refuse = (code: ErrorCode) =>
  new AppError(code, { fields: [{ path: 'duplicateOf', code: 'invalid' }] });

/**
 * The report `row` is to be marked a duplicate of: one the actor reviews, of the same mission (or, for
 * an anonymous public report, another one), not itself, and not a duplicate itself (no chains: the
 * original is always one step away).
 */
export async function checkOriginal(
  tx: Tx,
  actor: Actor,
  row: SubmissionsTable,
  originalId: string,
): Promise<void> {
  if (originalId === row.id) throw refuse('submissions.duplicate_self');
  // Both rows locked, in id order, before the original is read: two reviewers marking X and Y as
  // copies of each other at one moment would otherwise make a cycle on PostgreSQL (each reading the
  // other as no copy yet). The second now waits and reads the first one's link.
  for (const id of [row.id, originalId].sort())
    await tx
      .updateTable('submissions')
      .set((eb) => ({ updated_at: eb.ref('updated_at') }))
      .where('id', '=', id)
      .execute();
  const original = await readOriginal(tx, actor, originalId);
  if (original.mission_id !== row.mission_id) throw refuse('submissions.duplicate_other_mission');
  if (original.duplicate_of) throw refuse('submissions.duplicate_chain');
}

/** The report named as an original, if the actor reviews it (else "not found", whether it exists or not). */
export async function readOriginal(db: Executor, actor: Actor, originalId: string) {
  const original = await db
    .selectFrom('submissions as s')
    .select(['s.id', 's.mission_id', 's.region', 's.duplicate_of'])
    .where('s.id', '=', originalId)
    .where(submissionVisibleTo(actor))
    .executeTakeFirst();
  if (!original || !(await reviewsSubmission(db, actor, original)))
    throw refuse('submissions.duplicate_not_found');
  return original;
}

/** A report that becomes a duplicate hands its own duplicates on to its original (still no chains). */
export async function handOnDuplicates(tx: Tx, id: string, originalId: string): Promise<number> {
  const moved = await tx
    .updateTable('submissions')
    .set({ duplicate_of: originalId })
    .where('duplicate_of', '=', id)
    .executeTakeFirst();
  return Number(moved.numUpdatedRows);
}

async function siteNames(db: Executor, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((i): i is string => i !== null))];
  if (!wanted.length) return new Map();
  const rows = await db
    .selectFrom('sites')
    .select(['id', 'code', 'name'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, `${r.code} · ${r.name}`]));
}

type Brief = Pick<
  SubmissionsTable,
  'id' | 'site_id' | 'observer_id' | 'source' | 'status' | 'submitted_at' | 'critical'
>;
export const BRIEF = [
  's.id',
  's.site_id',
  's.observer_id',
  's.source',
  's.status',
  's.submitted_at',
  's.critical',
] as const;

/** As the reviewer tells reports apart: site, observer (two at one station), time, state. */
export async function present(ctx: AppContext, rows: Brief[]): Promise<Similar[]> {
  const [sites, people] = await Promise.all([
    siteNames(
      ctx.db,
      rows.map((r) => r.site_id),
    ),
    userNames(ctx, [...new Set(rows.flatMap((r) => (r.observer_id ? [r.observer_id] : [])))]),
  ]);
  return rows.map((r) => ({
    id: r.id,
    site: r.site_id ? (sites.get(r.site_id) ?? null) : null,
    observer: r.observer_id ? (people.get(r.observer_id) ?? null) : null,
    source: r.source as Similar['source'],
    status: r.status as Similar['status'],
    submittedAt: r.submitted_at,
    critical: r.critical === 1,
  }));
}

/** What the submission page says about duplicates: the original it repeats, and its own copies. */
export async function duplicateLinks(
  ctx: AppContext,
  actor: Actor,
  row: SubmissionsTable,
): Promise<Pick<z.infer<typeof S.SubmissionView>, 'duplicateOf' | 'duplicates'>> {
  const [original, copies] = await Promise.all([
    row.duplicate_of
      ? ctx.db
          .selectFrom('submissions as s')
          .select(BRIEF)
          .where('s.id', '=', row.duplicate_of)
          .where(submissionVisibleTo(actor))
          .executeTakeFirst()
      : undefined,
    ctx.db
      .selectFrom('submissions as s')
      .select(BRIEF)
      .where('s.duplicate_of', '=', row.id)
      .where(submissionVisibleTo(actor))
      .orderBy('s.submitted_at')
      .limit(200)
      .execute(),
  ]);
  const shown = await present(ctx, original ? [original, ...copies] : copies);
  const first = original ? shown.shift()! : null;
  return {
    duplicateOf: row.duplicate_of
      ? { id: row.duplicate_of, site: first?.site ?? null, submittedAt: first?.submittedAt ?? null }
      : null,
    duplicates: shown,
  };
}

/** How many copies (rejected as duplicates) each of these reports has, of those the reader sees. */
export async function copiesOf(db: Executor, actor: Actor, ids: string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('submissions as s')
    .select((eb) => ['s.duplicate_of', eb.fn.countAll<number>().as('n')])
    .where('s.duplicate_of', 'in', ids)
    .where(submissionVisibleTo(actor))
    .groupBy('s.duplicate_of')
    .execute();
  return new Map(rows.map((r) => [r.duplicate_of!, Number(r.n)]));
}
