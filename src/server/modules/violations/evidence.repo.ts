import { sql, type Expression, type SqlBool } from 'kysely';
import type { Actor } from '../../platform/access/policy.ts';
import type { Executor } from '../../platform/db/db.ts';
import type { VioCustodyTable, VioEvidenceTable } from '../../platform/db/schema.violations.ts';
import { personVisibleTo } from '../people/people.access.ts';
import { eventVisibleTo } from './violations.access.ts';

export type EvidenceRow = VioEvidenceTable;
export type CustodyRow = VioCustodyTable;

/**
 * "The actor may see this evidence item" on `vio_evidence as ev`: an event's evidence follows the
 * event (restricted events: members only); a person's own evidence follows the person.
 */
export function evidenceVisibleTo(actor: Actor): Expression<SqlBool> {
  return sql<SqlBool>`((ev.event_id is not null and exists (select 1 from vio_events eve where eve.id = ev.event_id and ${eventVisibleTo(actor, 'eve.id', 'eve.restricted')})) or (ev.event_id is null and ${personVisibleTo(actor, 'ev.person_id')}))`;
}

/** Queries on `vio_evidence` and `vio_custody`; the rules live in the service. */
export const evidenceRepo = {
  insert(db: Executor, row: EvidenceRow) {
    return db.insertInto('vio_evidence').values(row).execute();
  },
  byId(db: Executor, id: string) {
    return db.selectFrom('vio_evidence').selectAll().where('id', '=', id).executeTakeFirst();
  },
  /** Every item of an event, newest first. */
  forEvent(db: Executor, eventId: string) {
    return db
      .selectFrom('vio_evidence')
      .selectAll()
      .where('event_id', '=', eventId)
      .orderBy('uploaded_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
  },
  /** Items about a person that the actor may see (their own, and those of visible events), newest first. */
  forPerson(db: Executor, actor: Actor, personId: string) {
    return db
      .selectFrom('vio_evidence as ev')
      .selectAll('ev')
      .where('ev.person_id', '=', personId)
      .where(evidenceVisibleTo(actor))
      .orderBy('ev.uploaded_at', 'desc')
      .orderBy('ev.id', 'desc')
      .execute();
  },
  /** A page of the items the actor may see (all items when `actor` is null), in id order. */
  pageVisible(db: Executor, actor: Actor | null, afterId: string | null, limit: number) {
    let q = db.selectFrom('vio_evidence as ev').selectAll('ev').orderBy('ev.id').limit(limit);
    if (actor) q = q.where(evidenceVisibleTo(actor));
    if (afterId) q = q.where('ev.id', '>', afterId);
    return q.execute();
  },
  async actInEvent(db: Executor, actId: string, eventId: string): Promise<boolean> {
    const r = await db
      .selectFrom('vio_acts')
      .select('id')
      .where('id', '=', actId)
      .where('event_id', '=', eventId)
      .executeTakeFirst();
    return !!r;
  },
  async personVisible(db: Executor, actor: Actor, personId: string): Promise<boolean> {
    const r = await db
      .selectFrom('people')
      .select('id')
      .where('id', '=', personId)
      .where('merged_into', 'is', null)
      .where(personVisibleTo(actor, 'people.id'))
      .executeTakeFirst();
    return !!r;
  },
  async personExists(db: Executor, personId: string): Promise<boolean> {
    return !!(await db.selectFrom('people').select('id').where('id', '=', personId).executeTakeFirst());
  },
  /** Record the thumbnail unless another run already did (the job may run twice). */
  async setThumbnail(db: Executor, id: string, t: { key: string; sha256: string; size: number }) {
    const r = await db
      .updateTable('vio_evidence')
      .set({ thumb_key: t.key, thumb_sha256: t.sha256, thumb_size: t.size })
      .where('id', '=', id)
      .where('thumb_key', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  setDerived(db: Executor, id: string, at: string, textIndexed: boolean) {
    return db
      .updateTable('vio_evidence')
      .set({ derived_at: at, text_indexed: textIndexed ? 1 : 0 })
      .where('id', '=', id)
      .execute();
  },
  setVerified(db: Executor, ids: readonly string[], at: string, result: string) {
    if (ids.length === 0) return Promise.resolve();
    return db
      .updateTable('vio_evidence')
      .set({ verified_at: at, verify_result: result })
      .where('id', 'in', [...ids])
      .execute();
  },
  /** Items whose thumbnail or text are still to be made (after a crash, or on a node without jobs). */
  pendingIds(db: Executor, limit: number) {
    return db
      .selectFrom('vio_evidence')
      .select('id')
      .where('derived_at', 'is', null)
      .orderBy('id')
      .limit(limit)
      .execute();
  },
  movePerson(db: Executor, fromId: string, intoId: string) {
    return db
      .updateTable('vio_evidence')
      .set({ person_id: intoId })
      .where('person_id', '=', fromId)
      .execute();
  },
  async insertCustody(db: Executor, rows: CustodyRow[]) {
    // Chunks keep the statement under SQLite's bound-parameter limit for large verify runs.
    for (let i = 0; i < rows.length; i += 500)
      await db
        .insertInto('vio_custody')
        .values(rows.slice(i, i + 500))
        .execute();
  },
  custody(db: Executor, evidenceId: string) {
    return db
      .selectFrom('vio_custody')
      .selectAll()
      .where('evidence_id', '=', evidenceId)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(1000)
      .execute();
  },
};
