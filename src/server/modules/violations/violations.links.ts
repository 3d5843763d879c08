import { can, type Actor } from '../../platform/access/policy.ts';
import type { Executor } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors.ts';
import { caseVisibleTo } from '../cases/cases.access.ts';
import { eventVisibleTo } from './violations.access.ts';

/**
 * Links between legal cases and violation records (`case_links`, kinds `violation_event` and
 * `violation_act`). The link row lives on the case side; each side shows only what the actor may see
 * of the other: an event lists the linked cases the actor may open, a case accepts a link only to an
 * event or act the actor may see.
 */

/** Linked cases the actor may see, per target id (event or act ids), with their numbers. */
export async function linkedCases(
  db: Executor,
  actor: Actor,
  kind: 'violation_event' | 'violation_act',
  targetIds: readonly string[],
): Promise<Map<string, { id: string; number: string }[]>> {
  const out = new Map<string, { id: string; number: string }[]>();
  if (targetIds.length === 0 || !can(actor, 'cases.read')) return out;
  const rows = await db
    .selectFrom('case_links as l')
    .innerJoin('cases as c', 'c.id', 'l.case_id')
    .select(['l.target_id', 'c.id', 'c.number'])
    .where('l.kind', '=', kind)
    .where('l.target_id', 'in', [...targetIds])
    .where(caseVisibleTo(actor, 'c.id', 'c.restricted'))
    .orderBy('c.number')
    .execute();
  for (const r of rows) {
    const list = out.get(r.target_id) ?? [];
    list.push({ id: r.id, number: r.number });
    out.set(r.target_id, list);
  }
  return out;
}

/**
 * The target of a case link must exist and be visible to the actor (called by the case side before
 * it stores the link); otherwise `violation.not_found` on `targetId`, the same for missing and hidden.
 */
export async function requireLinkTarget(db: Executor, actor: Actor, kind: string, targetId: string) {
  const eventId =
    kind === 'violation_act'
      ? (await db.selectFrom('vio_acts').select('event_id').where('id', '=', targetId).executeTakeFirst())
          ?.event_id
      : targetId;
  const ok =
    eventId !== undefined &&
    (await db
      .selectFrom('vio_events as e')
      .select('e.id')
      .where('e.id', '=', eventId)
      .where(eventVisibleTo(actor, 'e.id', 'e.restricted'))
      .executeTakeFirst()) !== undefined;
  if (!ok) throw new AppError('violation.not_found', { fields: [{ path: 'targetId', code: 'not_found' }] });
}
