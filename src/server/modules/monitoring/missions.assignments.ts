import type { z } from 'zod';
import { requireCap, type Actor } from '../../platform/access/policy.ts';
import type { AppContext } from '../../platform/context.ts';
import type * as S from './submissions.schemas.ts';

/**
 * What the field app downloads for the logged-in user: one row per assigned site × form version of
 * each active mission (issue #5 API contract).
 */
export async function listAssignments(
  ctx: AppContext,
  actor: Actor | null,
): Promise<z.infer<typeof S.Assignment>[]> {
  requireCap(actor, 'monitoring.submit');
  const rows = await ctx.db
    .selectFrom('site_observers as so')
    .innerJoin('sites as s', 's.id', 'so.site_id')
    .innerJoin('missions as m', 'm.id', 's.mission_id')
    .innerJoin('mission_forms as mf', 'mf.mission_id', 'm.id')
    .select([
      'm.id as missionId',
      's.id as siteId',
      'mf.form_version_id as formVersionId',
      'mf.form_id as formId',
      'mf.form_kind as formKind',
      'm.title as missionTitle',
      'm.kind as missionKind',
      's.code as siteCode',
      's.name as siteName',
      's.region',
      's.district',
      's.place',
      's.visits',
      'm.field_pin',
    ])
    .where('so.user_id', '=', actor.userId)
    .where('m.status', '=', 'active')
    .orderBy('m.title')
    .orderBy('s.code')
    .orderBy('mf.position')
    .execute();
  return rows.map(({ field_pin, ...r }) => ({ ...r, fieldPin: field_pin === 1 }));
}
