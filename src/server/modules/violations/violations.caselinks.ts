import type { Actor } from '../../platform/access/policy.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { addLink, removeLink } from '../cases/cases.team.ts';
import { loadEvent } from './violations.access.ts';

/**
 * Linking an act to a legal case from the violation side. The link is the case's (`case_links`,
 * kind `violation_act`), so it needs what the case side needs: edit rights on the case (a lawyer on
 * its team) — plus sight of the act. The case module writes the link, its timeline and its audit entry.
 * Returns the act's event id, so the route can answer with the updated event.
 */
async function actEvent(ctx: AppContext, actor: Actor | null, actId: string): Promise<string> {
  const act = await ctx.db
    .selectFrom('vio_acts')
    .select('event_id')
    .where('id', '=', actId)
    .executeTakeFirst();
  if (!act) throw new AppError('violation.not_found');
  await loadEvent(ctx, actor, act.event_id, 'read');
  return act.event_id;
}

export async function linkActToCase(ctx: AppContext, actor: Actor | null, actId: string, caseId: string) {
  const eventId = await actEvent(ctx, actor, actId);
  await addLink(ctx, actor, caseId, { kind: 'violation_act', targetId: actId });
  return eventId;
}

export async function unlinkActFromCase(ctx: AppContext, actor: Actor | null, actId: string, caseId: string) {
  const eventId = await actEvent(ctx, actor, actId);
  await removeLink(ctx, actor, caseId, 'violation_act', actId);
  return eventId;
}
