import { sql, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type * as S from '../../../core/schemas/violations.ts';
import { can, requireCap, type Actor } from '../../platform/access/policy.ts';
import { envelope, type AppContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors.ts';
import { registerPersonRestriction, registerPersonVisibility } from '../people/people.access.ts';
import { peopleRepo } from '../people/people.repo.ts';
import { registerPersonChangeHook, registerPersonMergeHook } from '../people/people.service.ts';
import { eventsOfPeople, refreshViolationFacts } from './facts.store.ts';
import { eventVisibleTo } from './violations.access.ts';

/**
 * Violation records and the shared people registry (ADR 0008):
 * - a person is visible to whoever may see an event where the person is a victim, perpetrator,
 *   source or intervening party (registered with the people module's visibility rule);
 * - merging two people moves their violation roles to the survivor;
 * - a person's page lists their roles across the events the actor may see.
 */

/** "This person has a role in an event for which `cond` holds" (victim, perpetrator, source, party). */
function inEvent(col: string, cond: (alias: string) => ReturnType<typeof sql<SqlBool>>) {
  const p = sql.ref(col);
  return sql<SqlBool>`(exists (select 1 from vio_acts vpa join vio_events vpe on vpe.id = vpa.event_id where vpa.victim_id = ${p} and ${cond('vpe')})
    or exists (select 1 from vio_involvements vpi join vio_acts vpia on vpia.id = vpi.act_id join vio_events vpie on vpie.id = vpia.event_id where vpi.perpetrator_id = ${p} and ${cond('vpie')})
    or exists (select 1 from vio_information vps join vio_events vpse on vpse.id = vps.event_id where vps.source_id = ${p} and ${cond('vpse')})
    or exists (select 1 from vio_interventions vpn join vio_events vpne on vpne.id = vpn.event_id where (vpn.party_id = ${p} or vpn.victim_id = ${p}) and ${cond('vpne')}))`;
}

/** "The actor may see an event in which this person has a role", for `personVisibleTo`. */
function personInVisibleEvent(actor: Actor, col: string) {
  if (!can(actor, 'violations.read')) return null;
  return inEvent(col, (a) => sql<SqlBool>`${eventVisibleTo(actor, `${a}.id`, `${a}.restricted`)}`);
}

/** "This person is in a restricted event the actor is not a member of": hidden from an admin's blanket view. */
function personInHiddenEvent(actor: Actor, col: string) {
  return inEvent(
    col,
    (a) =>
      sql<SqlBool>`${sql.ref(`${a}.restricted`)} = 1 and not exists (select 1 from vio_event_members vhm where vhm.event_id = ${sql.ref(`${a}.id`)} and vhm.user_id = ${actor.userId})`,
  );
}

/** Move every violation role of a merged person to the survivor (inside the merge transaction). */
async function moveViolationRoles(tx: Executor, fromId: string, intoId: string): Promise<void> {
  await tx.updateTable('vio_acts').set({ victim_id: intoId }).where('victim_id', '=', fromId).execute();
  await tx
    .updateTable('vio_involvements')
    .set({ perpetrator_id: intoId })
    .where('perpetrator_id', '=', fromId)
    .execute();
  await tx
    .updateTable('vio_information')
    .set({ source_id: intoId })
    .where('source_id', '=', fromId)
    .execute();
  await tx
    .updateTable('vio_interventions')
    .set({ party_id: intoId })
    .where('party_id', '=', fromId)
    .execute();
  await tx
    .updateTable('vio_interventions')
    .set({ victim_id: intoId })
    .where('victim_id', '=', fromId)
    .execute();
  // Evidence about a person follows the person too.
  await tx.updateTable('vio_evidence').set({ person_id: intoId }).where('person_id', '=', fromId).execute();
}

let registered = false;
/** Hook the violations module into the people registry; once per process (called at start). */
export function registerViolationPeople(): void {
  if (registered) return;
  registered = true;
  registerPersonVisibility(personInVisibleEvent);
  registerPersonRestriction(personInHiddenEvent);
  registerPersonMergeHook(moveViolationRoles);
  // A victim's kind or group size, and a merge, change distinct counts of people (ADR 0011).
  registerPersonChangeHook(async (tx, ids) => refreshViolationFacts(tx, await eventsOfPeople(tx, ids)));
}

type Roles = z.infer<typeof S.PersonViolationRoles>;

/** A person's roles in the events the actor may see; `person.not_found` when the person is hidden. */
export async function personViolations(
  ctx: AppContext,
  actor: Actor | null,
  personId: string,
): Promise<Roles> {
  requireCap(actor, 'violations.read');
  const p = await peopleRepo.byId(ctx.db, personId);
  if (!p || !(await peopleRepo.canSee(ctx.db, actor, personId))) throw new AppError('person.not_found');
  const vis = eventVisibleTo(actor, 'e.id', 'e.restricted');
  const db = ctx.db;
  const [victim, perpetrator, source, party] = await Promise.all([
    db
      .selectFrom('vio_acts as a')
      .innerJoin('vio_events as e', 'e.id', 'a.event_id')
      .select(['e.id', 'e.number', 'e.dek', 'e.title_enc', 'a.id as act_id', 'a.act_type'])
      .where('a.victim_id', '=', personId)
      .where(vis)
      .execute(),
    db
      .selectFrom('vio_involvements as i')
      .innerJoin('vio_acts as a', 'a.id', 'i.act_id')
      .innerJoin('vio_events as e', 'e.id', 'a.event_id')
      .select(['e.id', 'e.number', 'e.dek', 'e.title_enc', 'a.id as act_id', 'a.act_type'])
      .where('i.perpetrator_id', '=', personId)
      .where(vis)
      .execute(),
    db
      .selectFrom('vio_information as s')
      .innerJoin('vio_events as e', 'e.id', 's.event_id')
      .select(['e.id', 'e.number', 'e.dek', 'e.title_enc'])
      .where('s.source_id', '=', personId)
      .where(vis)
      .execute(),
    db
      .selectFrom('vio_interventions as n')
      .innerJoin('vio_events as e', 'e.id', 'n.event_id')
      .select(['e.id', 'e.number', 'e.dek', 'e.title_enc'])
      .where('n.party_id', '=', personId)
      .where(vis)
      .execute(),
  ]);
  const env = envelope(ctx);
  const titles = new Map<string, string>();
  const title = (r: { id: string; dek: string; title_enc: string }) => {
    if (!titles.has(r.id))
      titles.set(r.id, env.openRecordKey('vio_events', r.id, r.dek).decrypt('title', r.title_enc));
    return titles.get(r.id)!;
  };
  const items: Roles['items'] = [];
  const seen = new Set<string>();
  const push = (
    role: Roles['items'][number]['role'],
    r: { id: string; number: string; dek: string; title_enc: string; act_id?: string; act_type?: string },
  ) => {
    const k = `${role}:${r.id}:${r.act_id ?? ''}`;
    if (seen.has(k)) return;
    seen.add(k);
    items.push({
      eventId: r.id,
      eventNumber: r.number,
      eventTitle: title(r),
      role,
      actId: r.act_id ?? null,
      actType: r.act_type ?? null,
    });
  };
  victim.forEach((r) => push('victim', r));
  perpetrator.forEach((r) => push('perpetrator', r));
  source.forEach((r) => push('source', r));
  party.forEach((r) => push('intervening_party', r));
  items.sort((a, b) => b.eventNumber.localeCompare(a.eventNumber) || a.role.localeCompare(b.role));
  return { items };
}
