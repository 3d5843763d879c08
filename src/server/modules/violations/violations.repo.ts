import { sql } from 'kysely';
import type { Actor } from '../../platform/access/policy.ts';
import type { Executor } from '../../platform/db/db.ts';
import type { VioActsTable, VioEventsTable } from '../../platform/db/schema.violations.ts';
import { eventVisibleTo } from './violations.access.ts';
import { factEvents } from './facts.query.ts';
import { refreshViolationFacts } from './facts.store.ts';

export const EVENT_PAGE = 50;

/**
 * The event filters of the list screen. Statistics and exports use the same names (issue #4: "the
 * same filters as the screen"), so `filteredEvents` is exported for them: it already applies the
 * need-to-know rule, a restricted event never enters a count the actor may not see.
 */
export interface EventFilter {
  region?: string | undefined;
  district?: string | undefined;
  actType?: string | undefined;
  violationStatus?: string | undefined;
  perpetratorType?: string | undefined;
  reliability?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  mine?: boolean | undefined;
  /** Events found by the text search (or by number prefix when `numberPrefix` is set). */
  ids?: readonly string[] | undefined;
  numberPrefix?: string | undefined;
}

/** Events (alias `e`) the actor may see under the filters: the base of lists, facets and counts. */
export function filteredEvents(db: Executor, actor: Actor, f: EventFilter) {
  let q = db.selectFrom('vio_events as e').where(eventVisibleTo(actor, 'e.id', 'e.restricted'));
  if (f.region) q = q.where('e.region', '=', f.region);
  if (f.district) q = q.where('e.district', '=', f.district);
  if (f.violationStatus) q = q.where('e.violation_status', '=', f.violationStatus);
  // Partial dates compare as strings: `YYYY` ≤ `YYYY-MM` ≤ `YYYY-MM-DD`; `-99` closes the upper bound.
  if (f.from) q = q.where('e.start_date', '>=', f.from);
  if (f.to) q = q.where('e.start_date', '<=', `${f.to}-99`);
  if (f.actType) {
    const code = f.actType;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('vio_acts as fa')
          .select(sql.lit(1).as('one'))
          .whereRef('fa.event_id', '=', 'e.id')
          .where('fa.act_type', '=', code),
      ),
    );
  }
  if (f.perpetratorType) {
    const code = f.perpetratorType;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('vio_involvements as fi')
          .innerJoin('vio_acts as fia', 'fia.id', 'fi.act_id')
          .select(sql.lit(1).as('one'))
          .whereRef('fia.event_id', '=', 'e.id')
          .where('fi.perpetrator_type', '=', code),
      ),
    );
  }
  if (f.reliability) {
    const code = f.reliability;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('vio_information as fr')
          .select(sql.lit(1).as('one'))
          .whereRef('fr.event_id', '=', 'e.id')
          .where('fr.reliability', '=', code),
      ),
    );
  }
  if (f.mine)
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('vio_event_members as fm')
          .select(sql.lit(1).as('one'))
          .whereRef('fm.event_id', '=', 'e.id')
          .where('fm.user_id', '=', actor.userId)
          .where('fm.role', '<>', 'grant'),
      ),
    );
  if (f.numberPrefix) {
    const prefix = f.numberPrefix.replace(/[%_]/g, '');
    const ids = f.ids ?? [];
    q = q.where((eb) =>
      eb.or([eb('e.number', 'like', `${prefix}%`), ...(ids.length ? [eb('e.id', 'in', [...ids])] : [])]),
    );
  } else if (f.ids) q = q.where('e.id', 'in', f.ids.length ? [...f.ids] : ['-']);
  return q;
}

export const violationsRepo = {
  /** Next event number of a year, e.g. EV-2026-00042; the counter row serialises concurrent creators. */
  async nextNumber(db: Executor, year: string): Promise<string> {
    const key = `violations.seq.${year}`;
    const now = new Date().toISOString();
    await db
      .insertInto('settings')
      .values({ key, value: '0', updated_at: now })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    await db
      .updateTable('settings')
      .set({ value: sql<string>`cast(cast(value as integer) + 1 as text)`, updated_at: now })
      .where('key', '=', key)
      .execute();
    const r = await db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
    return `EV-${year}-${r.value.padStart(5, '0')}`;
  },
  insertEvent(db: Executor, row: VioEventsTable) {
    return db.insertInto('vio_events').values(row).execute();
  },
  updateEvent(db: Executor, id: string, patch: Partial<VioEventsTable>) {
    return db.updateTable('vio_events').set(patch).where('id', '=', id).execute();
  },
  /**
   * Mark an event changed (it, its acts or parts changed): its time, and its facts (ADR 0011: the
   * list, facets and statistics read them), in the caller's transaction.
   */
  async touch(db: Executor, id: string) {
    await db
      .updateTable('vio_events')
      .set({ updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
    await refreshViolationFacts(db, [id]);
  },
  eventsByIds(db: Executor, ids: readonly string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('vio_events')
      .selectAll()
      .where('id', 'in', [...ids])
      .execute();
  },

  members(db: Executor, eventId: string) {
    return db
      .selectFrom('vio_event_members')
      .selectAll()
      .where('event_id', '=', eventId)
      .orderBy('added_at')
      .execute();
  },
  async setMember(db: Executor, eventId: string, userId: string, role: string, by: string) {
    await db
      .insertInto('vio_event_members')
      .values({ event_id: eventId, user_id: userId, role, added_by: by, added_at: new Date().toISOString() })
      .onConflict((oc) => oc.columns(['event_id', 'user_id']).doUpdateSet({ role }))
      .execute();
  },
  removeMember(db: Executor, eventId: string, userId: string) {
    return db
      .deleteFrom('vio_event_members')
      .where('event_id', '=', eventId)
      .where('user_id', '=', userId)
      .execute();
  },

  acts(db: Executor, eventId: string) {
    return db.selectFrom('vio_acts').selectAll().where('event_id', '=', eventId).orderBy('id').execute();
  },
  act(db: Executor, actId: string) {
    return db.selectFrom('vio_acts').selectAll().where('id', '=', actId).executeTakeFirst();
  },
  insertAct(db: Executor, row: VioActsTable) {
    return db.insertInto('vio_acts').values(row).execute();
  },
  updateAct(db: Executor, id: string, patch: Partial<VioActsTable>) {
    return db.updateTable('vio_acts').set(patch).where('id', '=', id).execute();
  },
  rights(db: Executor, actIds: readonly string[]) {
    if (actIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('vio_act_rights')
      .selectAll()
      .where('act_id', 'in', [...actIds])
      .orderBy('scheme')
      .orderBy('code')
      .execute();
  },
  async setRights(db: Executor, actId: string, rights: readonly { scheme: string; code: string }[]) {
    await db.deleteFrom('vio_act_rights').where('act_id', '=', actId).execute();
    const unique = [...new Map(rights.map((r) => [`${r.scheme}:${r.code}`, r])).values()];
    if (unique.length)
      await db
        .insertInto('vio_act_rights')
        .values(unique.map((r) => ({ act_id: actId, scheme: r.scheme, code: r.code })))
        .execute();
  },
  involvements(db: Executor, actIds: readonly string[]) {
    if (actIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('vio_involvements')
      .selectAll()
      .where('act_id', 'in', [...actIds])
      .orderBy('id')
      .execute();
  },
  information(db: Executor, eventId: string) {
    return db
      .selectFrom('vio_information')
      .selectAll()
      .where('event_id', '=', eventId)
      .orderBy('id')
      .execute();
  },
  interventions(db: Executor, eventId: string) {
    return db
      .selectFrom('vio_interventions')
      .selectAll()
      .where('event_id', '=', eventId)
      .orderBy('id')
      .execute();
  },
  /** Links of the chain of events on either side of this event. */
  chain(db: Executor, eventId: string) {
    return db
      .selectFrom('vio_chain')
      .selectAll()
      .where((eb) => eb.or([eb('from_event_id', '=', eventId), eb('to_event_id', '=', eventId)]))
      .orderBy('created_at')
      .execute();
  },

  /**
   * A page of events (one more than a page, to tell whether more follow), limited to what the actor
   * may see: ids from the inverted index (newest first, walking the rarest filter's postings), then
   * the rows of those ids.
   */
  async page(db: Executor, actor: Actor, f: EventFilter, page: number) {
    const ids = await (
      await factEvents(db, actor, f)
    )
      .select('t0.event_id as id')
      .orderBy('t0.event_id', 'desc')
      .limit(EVENT_PAGE + 1)
      .offset((page - 1) * EVENT_PAGE)
      .execute();
    const rows = new Map(
      (
        await this.eventsByIds(
          db,
          ids.map((r) => r.id),
        )
      ).map((r) => [r.id, r]),
    );
    return ids.map((r) => rows.get(r.id)).filter((r) => r !== undefined);
  },

  /** Acts, victims and types of act of the listed events (one query for the page). */
  async summaries(db: Executor, eventIds: readonly string[]) {
    if (eventIds.length === 0) return [];
    return db
      .selectFrom('vio_acts')
      .select(['event_id', 'act_type', 'victim_id'])
      .where('event_id', 'in', [...eventIds])
      .execute();
  },
};
