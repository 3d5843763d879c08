import type { Actor } from '../../platform/access/policy.ts';
import type { AppContext } from '../../platform/context.ts';
import { submissionVisibleTo } from './monitoring.access.ts';
import { BRIEF, present, type Similar } from './review.duplicates.ts';
import { loadForReview } from './review.service.ts';

const DAY_MS = 86_400_000;
const MAX_SIMILAR = 10;

/**
 * Reports that may be the same incident, nearest in time first, for the reviewer to pick the original
 * from, within two days: of the same site and kind of form in the mission (two observers at one polling
 * station, or one observer who sent it twice); for a report without a site (a public report), of the
 * same region. Only reports the reviewer sees, none rejected or a duplicate already.
 */
export async function similarReports(ctx: AppContext, actor: Actor | null, id: string): Promise<Similar[]> {
  const row = await loadForReview(ctx, actor, id);
  let q = ctx.db
    .selectFrom('submissions as s')
    .select(BRIEF)
    .where('s.id', '!=', row.id)
    .where('s.duplicate_of', 'is', null)
    .where('s.status', '!=', 'rejected')
    .where('s.form_kind', '=', row.form_kind)
    .where(submissionVisibleTo(actor!));
  q = row.mission_id ? q.where('s.mission_id', '=', row.mission_id) : q.where('s.mission_id', 'is', null);
  // Within two days either way: one incident is reported around one time. A site's reports go by the
  // phone's time (an observer offline all day sends late); others by arrival, which has an index.
  q = row.site_id
    ? q.where('s.site_id', '=', row.site_id)
    : row.region
      ? q.where('s.region', '=', row.region)
      : q.where('s.region', 'is', null);
  const by = row.site_id ? 's.submitted_at' : 's.received_at';
  const at = Date.parse(row.site_id ? row.submitted_at : row.received_at);
  q = q
    .where(by, '>=', new Date(at - 2 * DAY_MS).toISOString())
    .where(by, '<=', new Date(at + 2 * DAY_MS).toISOString());
  const rows = await q.orderBy('s.received_at', 'desc').limit(100).execute();
  const t = Date.parse(row.submitted_at);
  const near = rows
    .sort((a, b) => Math.abs(Date.parse(a.submitted_at) - t) - Math.abs(Date.parse(b.submitted_at) - t))
    .slice(0, MAX_SIMILAR);
  return present(ctx, near);
}
