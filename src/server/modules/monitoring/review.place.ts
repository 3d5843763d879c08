import type { z } from 'zod';
import { isDistrictOf, isRegionCode } from '../../../core/geo/regions.ts';
import type { Actor } from '../../platform/access/policy.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, type ErrorCode } from '../../platform/errors.ts';
import { placeRegions } from './monitoring.access.ts';
import { addHistory, withReview } from './review.service.ts';
import { loadSubmission, presentSubmission } from './submissions.read.ts';
import type * as S from './submissions.schemas.ts';

type View = z.infer<typeof S.SubmissionView>;

const refuse = (code: ErrorCode, path: 'region' | 'district') =>
  new AppError(code, { fields: [{ path, code: 'invalid' }] });

/**
 * Geolocating a report, the work of the "to geolocate" queue (issue #5 item 4): a reviewer places a
 * report that came without a site — an anonymous public report whose reporter gave no region, or a
 * wrong one — in a region and, if known, a district. The region routes a public report to that
 * region's coordinators, filters the queue and puts it on the map; the reporter's own answers stay as
 * they were sent, and the history and the audit log keep who placed it where.
 *
 * An observer's report is placed by its site (and counted there on the dashboard): it is refused here.
 * A reviewer places a report only where they would still review it — a region coordinator cannot
 * send one out of their sight; a coordinator of the whole mission, or an administrator, can.
 * Placing it clears the "needs a location" flag.
 */
export async function placeSubmission(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  input: z.infer<typeof S.PlaceBody>,
): Promise<View> {
  const district = input.district ?? null;
  if (!isRegionCode(input.region)) throw refuse('submissions.place_region', 'region');
  if (district !== null && !isDistrictOf(input.region, district))
    throw refuse('submissions.place_district', 'district');
  await withReview(ctx, actor, id, async (tx, audit, row, key) => {
    if (row.site_id !== null)
      throw new AppError('submissions.place_has_site', { fields: [{ path: 'region', code: 'invalid' }] });
    if (!(await placeRegions(tx, actor!, row)).includes(input.region))
      throw refuse('submissions.place_not_yours', 'region');
    if (row.region === input.region && row.district === district && row.flag_geolocate === 0) return;
    await tx
      .updateTable('submissions')
      .set({ region: input.region, district, flag_geolocate: 0, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
    // The history names the new place by its most precise code (a district's id, else the region's).
    await addHistory(tx, key, {
      submissionId: id,
      userId: actor!.userId,
      action: 'place',
      from: null,
      to: null,
      refId: district ?? input.region,
    });
    await audit({
      actorId: actor!.userId,
      action: 'monitoring.submission_place',
      entityType: 'submission',
      entityId: id,
      details: { fromRegion: row.region, fromDistrict: row.district, region: input.region, district },
    });
  });
  return presentSubmission(ctx, actor, await loadSubmission(ctx, actor, id));
}
