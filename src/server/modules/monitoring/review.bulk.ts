import type { z } from 'zod';
import { requireCap, requireReauth, type Actor } from '../../platform/access/policy.ts';
import type { AppContext } from '../../platform/context.ts';
import type { SubmissionsTable } from '../../platform/db/schema.monitoring.ts';
import { AppError } from '../../platform/errors.ts';
import { applyAssign, noticeAssigned, reviewerIds, withNames } from './review.assign.ts';
import {
  FORWARD,
  applyTransition,
  checkTransitionInput,
  loadForReview,
  withReview,
} from './review.service.ts';
import { readOriginal } from './review.duplicates.ts';
import { filteredSubmissions } from './submissions.list.ts';
import { MATCHING_MAX, type MatchingQuery } from './submissions.schemas.ts';
import type * as S from './submissions.schemas.ts';

/** Why one report of a batch was left as it was (the web names each in the reader's language). */
const SKIP_CODES = [
  'submissions.not_found',
  'submissions.locked',
  'submissions.transition_invalid',
  'submissions.assignee_invalid',
  // Marking copies of one report: the original itself in the selection, a report of another mission,
  // or an original made a copy meanwhile.
  'submissions.duplicate_self',
  'submissions.duplicate_other_mission',
  'submissions.duplicate_chain',
] as const;
type SkipCode = (typeof SKIP_CODES)[number];
type Outcome = { done: string[]; skipped: { id: string; code: SkipCode }[] };

/** Runs `one` for each distinct id; a report-level refusal is recorded and the batch goes on. */
async function eachReport(ids: string[], one: (id: string) => Promise<boolean>): Promise<Outcome> {
  const done: string[] = [];
  const skipped: Outcome['skipped'] = [];
  for (const id of new Set(ids)) {
    try {
      if (await one(id)) done.push(id);
    } catch (e) {
      const code = e instanceof AppError ? (e.code as SkipCode) : null;
      if (!code || !SKIP_CODES.includes(code)) throw e;
      skipped.push({ id, code });
    }
  }
  return { done, skipped };
}

/**
 * Move several reports to one state at once (election day: a coordinator verifies a page of routine
 * checklists), forward only (`FORWARD`). Each report goes through the single-report path — the reviewer's access to it,
 * someone else's lock, the allowed moves, history and audit — in its own transaction, so one report
 * that cannot move never holds up or undoes the others. A report the reviewer may not see is skipped
 * as "not found", the same answer a single request gives, so a batch never reveals what exists.
 */
export async function transitionMany(
  ctx: AppContext,
  actor: Actor | null,
  input: z.infer<typeof S.BulkTransition>,
): Promise<Outcome> {
  requireCap(actor, 'monitoring.review');
  const move = {
    to: input.to,
    ...(input.reason ? { reason: input.reason } : {}),
    ...(input.duplicateOf ? { duplicateOf: input.duplicateOf } : {}),
  };
  // A missing reason refuses the whole batch before anything changes (a 400 naming the field).
  checkTransitionInput(move);
  // A batch is a bulk action (SECURITY.md): a stolen session cannot publish or reject a page at once.
  requireReauth(actor);
  // An original the reviewer cannot name, or one that is a copy itself, refuses the whole batch:
  // each report would fail alike.
  if (move.duplicateOf) {
    const original = await readOriginal(ctx.db, actor, move.duplicateOf);
    if (original.duplicate_of)
      throw new AppError('submissions.duplicate_chain', {
        fields: [{ path: 'duplicateOf', code: 'invalid' }],
      });
  }
  return eachReport(input.ids, async (id) => {
    await withReview(
      ctx,
      actor,
      id,
      (tx, audit, row, key) => applyTransition(actor, id, move, tx, audit, row, key, FORWARD),
      { alsoLock: move.duplicateOf },
    );
    return true;
  });
}

/**
 * Give several reports to one reviewer, or to nobody (election day: a coordinator hands a region's
 * stream to a colleague). Per report the single path's rules (`applyAssign`): only someone who may
 * review that report, someone else's lock refuses, history and audit; a report already theirs counts
 * as done. The assignee gets one bell notice for the batch.
 */
export async function assignMany(
  ctx: AppContext,
  actor: Actor | null,
  input: z.infer<typeof S.BulkAssign>,
): Promise<Outcome> {
  requireCap(actor, 'monitoring.review');
  requireReauth(actor);
  const to = input.userId;
  const given: { id: string; row: SubmissionsTable }[] = [];
  const out = await eachReport(input.ids, (id) =>
    withReview(ctx, actor, id, async (tx, audit, row, key) => {
      if (await applyAssign(actor, { id, row, key, to }, tx, audit)) given.push({ id, row });
      return true;
    }),
  );
  if (to && to !== actor.userId) await noticeAssigned(ctx, ctx.db, to, given);
  return out;
}

/**
 * Who may be given a selection: everyone who may review at least one of its reports, with how many
 * of them (a coordinator of one region can take only that region's). Reports the caller may not
 * review are left out, as a batch leaves them.
 */
export async function reviewersOfMany(ctx: AppContext, actor: Actor | null, ids: string[]) {
  requireCap(actor, 'monitoring.review');
  const groups = new Map<string, { row: SubmissionsTable; n: number }>();
  for (const id of new Set(ids)) {
    const row = await loadForReview(ctx, actor, id).catch((e: unknown) => {
      if (e instanceof AppError && e.code === 'submissions.not_found') return null;
      throw e;
    });
    if (!row) continue;
    // Reports of one mission and region have the same reviewers: one query per group.
    const k = `${row.mission_id ?? ''}\u0001${row.region ?? ''}`;
    const g = groups.get(k) ?? { row, n: 0 };
    g.n += 1;
    groups.set(k, g);
  }
  const count = new Map<string, number>();
  for (const g of groups.values())
    for (const u of await reviewerIds(ctx.db, g.row)) count.set(u, (count.get(u) ?? 0) + g.n);
  const people = await withNames(ctx, [...count.keys()]);
  return { items: people.map((p) => ({ ...p, count: count.get(p.id)! })) };
}

/**
 * Every report a review filter matches, up to MATCHING_MAX, in the list's order: "select all 740
 * matching" on election day, when most of the stream is routine. Only ids travel; each batch sent
 * with them still goes through the single-report path, so a report that changed meanwhile is
 * skipped with its reason rather than moved blindly.
 */
export async function matchingIds(
  ctx: AppContext,
  actor: Actor | null,
  q: z.infer<typeof MatchingQuery>,
): Promise<{ ids: string[]; total: number }> {
  requireCap(actor, 'monitoring.review');
  const base = await filteredSubmissions(ctx, actor, q);
  const [rows, total] = await Promise.all([
    base
      .select('s.id')
      .orderBy('s.received_at', 'desc')
      .orderBy('s.id', 'desc')
      .limit(MATCHING_MAX)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { ids: rows.map((r) => r.id), total: Number(total.n) };
}
