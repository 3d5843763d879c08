import { sql } from 'kysely';
import type { Actor } from '../../platform/access/policy.ts';
import type { Executor } from '../../platform/db/db.ts';
import type { CasesTable } from '../../platform/db/schema.ts';
import { caseVisibleTo } from './cases.access.ts';

export const CASE_PAGE = 50;

export interface CaseFilter {
  type?: string | undefined;
  status?: string | undefined;
  region?: string | undefined;
  lawyer?: string | undefined;
  stage?: string | undefined;
  mine?: boolean | undefined;
  /** Cases found by the text search, or by case number prefix when `numberPrefix` is set. */
  ids?: readonly string[] | undefined;
  numberPrefix?: string | undefined;
}
type FacetKey = 'type' | 'status' | 'region' | 'lawyer';
const FACET_COLUMN: Record<FacetKey, 'c.type' | 'c.status' | 'c.region' | 'c.lead_user_id'> = {
  type: 'c.type',
  status: 'c.status',
  region: 'c.region',
  lawyer: 'c.lead_user_id',
};

export const casesRepo = {
  insert(db: Executor, row: CasesTable) {
    return db.insertInto('cases').values(row).execute();
  },
  update(db: Executor, id: string, patch: Partial<CasesTable>) {
    return db.updateTable('cases').set(patch).where('id', '=', id).execute();
  },

  /** Next case number of a year, e.g. LA-2026-00042; the counter row serialises concurrent creators. */
  async nextNumber(db: Executor, year: number): Promise<string> {
    const key = `cases.seq.${year}`;
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
    return `LA-${year}-${r.value.padStart(5, '0')}`;
  },

  members(db: Executor, caseId: string) {
    return db
      .selectFrom('case_members')
      .select(['user_id', 'role'])
      .where('case_id', '=', caseId)
      .orderBy('added_at')
      .execute();
  },
  async setMember(db: Executor, caseId: string, userId: string, role: string, by: string) {
    await db
      .insertInto('case_members')
      .values({ case_id: caseId, user_id: userId, role, added_by: by, added_at: new Date().toISOString() })
      .onConflict((oc) => oc.columns(['case_id', 'user_id']).doUpdateSet({ role }))
      .execute();
  },
  removeMember(db: Executor, caseId: string, userId: string) {
    return db
      .deleteFrom('case_members')
      .where('case_id', '=', caseId)
      .where('user_id', '=', userId)
      .execute();
  },

  people(db: Executor, caseId: string) {
    return db
      .selectFrom('case_people')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('added_at')
      .execute();
  },
  links(db: Executor, caseId: string) {
    return db
      .selectFrom('case_links')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('added_at')
      .execute();
  },
  codes(db: Executor, table: 'case_problems', caseId: string) {
    return db.selectFrom(table).select('code').where('case_id', '=', caseId).orderBy('code').execute();
  },
  funders(db: Executor, caseId: string) {
    return db.selectFrom('case_funders').select('tag').where('case_id', '=', caseId).orderBy('tag').execute();
  },
  async setProblems(db: Executor, caseId: string, codes: readonly string[]) {
    await db.deleteFrom('case_problems').where('case_id', '=', caseId).execute();
    if (codes.length)
      await db
        .insertInto('case_problems')
        .values(codes.map((code) => ({ case_id: caseId, code })))
        .execute();
  },
  async setFunders(db: Executor, caseId: string, tags: readonly string[]) {
    await db.deleteFrom('case_funders').where('case_id', '=', caseId).execute();
    if (tags.length)
      await db
        .insertInto('case_funders')
        .values(tags.map((tag) => ({ case_id: caseId, tag })))
        .execute();
  },

  /** The filtered page and its total (both limited to what the actor may see). */
  async list(db: Executor, actor: Actor, f: CaseFilter, page: number) {
    const base = this.filtered(db, actor, f);
    const [rows, total] = await Promise.all([
      base
        .selectAll('c')
        .orderBy('c.opened_on', 'desc')
        .orderBy('c.id', 'desc')
        .limit(CASE_PAGE)
        .offset((page - 1) * CASE_PAGE)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(total.n) };
  },

  /**
   * Facet counts: for each facet, counts under every other active filter (so choosing a type still
   * shows how many cases each other type has), as usual in faceted search.
   */
  async facets(db: Executor, actor: Actor, f: CaseFilter) {
    const out = {} as Record<FacetKey, { value: string; count: number }[]>;
    for (const key of Object.keys(FACET_COLUMN) as FacetKey[]) {
      const col = FACET_COLUMN[key];
      const rows = await this.filtered(db, actor, { ...f, [key]: undefined })
        .select([`${col} as value`, (eb) => eb.fn.countAll<number>().as('count')])
        .where(col, 'is not', null)
        .groupBy(col)
        .orderBy('count', 'desc')
        .limit(100)
        .execute();
      out[key] = rows.map((r) => ({ value: String(r.value), count: Number(r.count) }));
    }
    return out;
  },

  filtered(db: Executor, actor: Actor, f: CaseFilter) {
    let q = db.selectFrom('cases as c').where(caseVisibleTo(actor, 'c.id', 'c.restricted'));
    if (f.type) q = q.where('c.type', '=', f.type);
    if (f.status) q = q.where('c.status', '=', f.status);
    if (f.region) q = q.where('c.region', '=', f.region);
    if (f.lawyer) q = q.where('c.lead_user_id', '=', f.lawyer);
    if (f.stage) q = q.where('c.stage', '=', f.stage);
    if (f.numberPrefix) {
      const prefix = f.numberPrefix;
      const ids = f.ids ?? [];
      q = q.where((eb) =>
        eb.or([
          eb('c.number', 'like', `${prefix.replace(/[%_]/g, '')}%`),
          ...(ids.length ? [eb('c.id', 'in', [...ids])] : []),
        ]),
      );
    } else if (f.ids) q = q.where('c.id', 'in', f.ids.length ? [...f.ids] : ['-']);
    if (f.mine)
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('case_members as m')
            .select(sql.lit(1).as('one'))
            .whereRef('m.case_id', '=', 'c.id')
            .where('m.user_id', '=', actor.userId)
            .where('m.role', '<>', 'grant'),
        ),
      );
    return q;
  },
};
