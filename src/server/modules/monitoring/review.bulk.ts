import type { z } from 'zod';
import { requireCap, type Actor } from '../../platform/access/policy.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { applyTransition, checkTransitionInput, withReview } from './review.service.ts';
import type * as S from './submissions.schemas.ts';

/** Why one report of a batch was left as it was (the web names each in the reader's language). */
const SKIP_CODES = ['submissions.not_found', 'submissions.locked', 'submissions.transition_invalid'] as const;
type SkipCode = (typeof SKIP_CODES)[number];

/**
 * Move several reports to one state at once (election day: a coordinator verifies a page of routine
 * checklists). Each report goes through exactly the single-report path — the reviewer's access to it,
 * someone else's lock, the allowed moves, history and audit — in its own transaction, so one report
 * that cannot move never holds up or undoes the others. A report the reviewer may not see is skipped
 * as "not found", the same answer a single request gives, so a batch never reveals what exists.
 */
export async function transitionMany(
  ctx: AppContext,
  actor: Actor | null,
  input: z.infer<typeof S.BulkTransition>,
): Promise<{ done: string[]; skipped: { id: string; code: SkipCode }[] }> {
  requireCap(actor, 'monitoring.review');
  const move = { to: input.to, ...(input.reason ? { reason: input.reason } : {}) };
  // A missing reason refuses the whole batch before anything changes (a 400 naming the field).
  checkTransitionInput(move);
  const done: string[] = [];
  const skipped: { id: string; code: SkipCode }[] = [];
  for (const id of new Set(input.ids)) {
    try {
      await withReview(ctx, actor, id, (tx, audit, row, key) =>
        applyTransition(actor, id, move, tx, audit, row, key),
      );
      done.push(id);
    } catch (e) {
      const code = e instanceof AppError ? (e.code as SkipCode) : null;
      if (!code || !SKIP_CODES.includes(code)) throw e;
      skipped.push({ id, code });
    }
  }
  return { done, skipped };
}
