import { uuidv7 } from '../../../core/ids.ts';
import type { Executor } from '../../platform/db/db.ts';

export type TimelineParams = Record<string, string | number | boolean | null>;

/**
 * Add an entry to a case's timeline inside the caller's transaction. `params` holds codes, ids, dates
 * and counts only: the timeline is stored in clear, so never put names, notes or file names here.
 */
export async function addTimeline(
  tx: Executor,
  caseId: string,
  actorId: string | null,
  kind: string,
  refId: string | null = null,
  params: TimelineParams = {},
): Promise<void> {
  await tx
    .insertInto('case_timeline')
    .values({
      id: uuidv7(),
      case_id: caseId,
      at: new Date().toISOString(),
      actor_id: actorId,
      kind,
      ref_id: refId,
      params: JSON.stringify(params),
    })
    .execute();
}
