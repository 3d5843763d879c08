import { sql } from 'kysely';
import type { Actor } from '../../platform/access/policy.ts';
import type { Executor } from '../../platform/db/db.ts';
import type { PeopleTable } from '../../platform/db/schema.ts';
import { caseVisibleTo } from '../cases/cases.access.ts';
import { contactsVisibleTo, personVisibleTo } from './people.access.ts';
import type { StoredKey } from './people.keys.ts';

export type PersonRow = PeopleTable;
export const PAGE_SIZE = 50;

export interface PeopleFilter {
  region?: string | undefined;
  vulnerability?: string | undefined;
  role?: string | undefined;
  ids?: readonly string[] | undefined;
}

export const peopleRepo = {
  insert(db: Executor, row: PersonRow) {
    return db.insertInto('people').values(row).execute();
  },
  update(db: Executor, id: string, patch: Partial<PersonRow>) {
    return db.updateTable('people').set(patch).where('id', '=', id).execute();
  },
  byId(db: Executor, id: string) {
    return db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
  },
  byIds(db: Executor, ids: readonly string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('people')
      .selectAll()
      .where('id', 'in', [...ids])
      .execute();
  },

  /** Which of `ids` the actor may see (one query, for match results and lists). */
  async visibleIds(db: Executor, actor: Actor, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await db
      .selectFrom('people as p')
      .select('p.id')
      .where('p.id', 'in', [...ids])
      .where(personVisibleTo(actor, 'p.id'))
      .execute();
    return new Set(rows.map((r) => r.id));
  },
  async canSee(db: Executor, actor: Actor, id: string): Promise<boolean> {
    return (await this.visibleIds(db, actor, [id])).has(id);
  },
  async canSeeContacts(db: Executor, actor: Actor, id: string): Promise<boolean> {
    const r = await db
      .selectFrom('people as p')
      .select('p.id')
      .where('p.id', '=', id)
      .where(contactsVisibleTo(actor, 'p.id'))
      .executeTakeFirst();
    return r !== undefined;
  },

  /** A page of visible, unmerged people, newest change first. */
  list(db: Executor, actor: Actor, f: PeopleFilter, page: number) {
    let q = db
      .selectFrom('people as p')
      .selectAll('p')
      .where('p.merged_into', 'is', null)
      .where(personVisibleTo(actor, 'p.id'));
    if (f.ids) q = q.where('p.id', 'in', f.ids.length ? [...f.ids] : ['-']);
    if (f.region) q = q.where('p.region', '=', f.region);
    if (f.vulnerability) {
      const v = f.vulnerability;
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('person_vulnerabilities as pv')
            .select(sql.lit(1).as('one'))
            .whereRef('pv.person_id', '=', 'p.id')
            .where('pv.code', '=', v),
        ),
      );
    }
    if (f.role) {
      const role = f.role;
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('case_people as cp')
            .select(sql.lit(1).as('one'))
            .whereRef('cp.person_id', '=', 'p.id')
            .where('cp.role', '=', role),
        ),
      );
    }
    return q
      .orderBy('p.updated_at', 'desc')
      .orderBy('p.id')
      .limit(PAGE_SIZE + 1)
      .offset((page - 1) * PAGE_SIZE)
      .execute();
  },

  vulnerabilities(db: Executor, ids: readonly string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('person_vulnerabilities')
      .selectAll()
      .where('person_id', 'in', [...ids])
      .execute();
  },
  async setVulnerabilities(db: Executor, id: string, codes: readonly string[]) {
    await db.deleteFrom('person_vulnerabilities').where('person_id', '=', id).execute();
    if (codes.length)
      await db
        .insertInto('person_vulnerabilities')
        .values(codes.map((code) => ({ person_id: id, code })))
        .execute();
  },

  async setKeys(db: Executor, id: string, keys: readonly StoredKey[]) {
    await db.deleteFrom('person_keys').where('person_id', '=', id).execute();
    for (let i = 0; i < keys.length; i += 200)
      await db
        .insertInto('person_keys')
        .values(keys.slice(i, i + 200).map((k) => ({ key: k.key, kind: k.kind, person_id: id })))
        .onConflict((oc) => oc.columns(['key', 'person_id']).doNothing())
        .execute();
  },

  /**
   * Candidate people for a set of lookup keys: unmerged people sharing the most keys first. Only ids
   * and counts leave the database; the caller decrypts the few candidates to score them.
   */
  candidates(db: Executor, keys: readonly string[], limit: number) {
    if (keys.length === 0) return Promise.resolve([]);
    // Count per person first, then test "not merged" once per person rather than once per key row
    // (thousands at 200,000 people); the join is on the primary key, so the counts are unchanged.
    return db
      .selectFrom((eb) =>
        eb
          .selectFrom('person_keys as k')
          .select(['k.person_id as id', (e) => e.fn.countAll<number>().as('hits')])
          .select((e) => e.fn.max('k.kind').as('kind'))
          .where('k.key', 'in', [...keys])
          .groupBy('k.person_id')
          .as('g'),
      )
      .innerJoin('people as p', 'p.id', 'g.id')
      .select(['g.id', 'g.hits', 'g.kind'])
      .where('p.merged_into', 'is', null)
      .orderBy('g.hits', 'desc')
      .orderBy('g.id')
      .limit(limit)
      .execute();
  },
  /** Which candidates matched an ID-number key (a strong reason of its own). */
  async idMatches(db: Executor, idKey: string | undefined, ids: readonly string[]): Promise<Set<string>> {
    if (!idKey || ids.length === 0) return new Set();
    const rows = await db
      .selectFrom('person_keys')
      .select('person_id')
      .where('key', '=', idKey)
      .where('person_id', 'in', [...ids])
      .execute();
    return new Set(rows.map((r) => r.person_id));
  },

  /** Roles of people across ALL cases (the conflict check must see them even through hidden cases). */
  allRoles(db: Executor, ids: readonly string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('case_people')
      .select(['person_id', 'role'])
      .where('person_id', 'in', [...ids])
      .distinct()
      .execute();
  },
  /** Roles in the cases this actor may see, with the case number (for the profile). */
  visibleRoles(db: Executor, actor: Actor, personId: string) {
    return db
      .selectFrom('case_people as cp')
      .innerJoin('cases as c', 'c.id', 'cp.case_id')
      .select(['cp.case_id as caseId', 'c.number as caseNumber', 'cp.role'])
      .where('cp.person_id', '=', personId)
      .where(caseVisibleTo(actor, 'c.id', 'c.restricted'))
      .orderBy('c.opened_on', 'desc')
      .execute();
  },
};
