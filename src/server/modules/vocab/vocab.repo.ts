import { sql, type Selectable } from 'kysely';
import type { Executor } from '../../platform/db/db.ts';
import type { VocabTermsTable } from '../../platform/db/schema.ts';

/** Queries on vocab_terms / vocab_versions; rules live in vocab.service.ts. */
export type TermRow = Selectable<VocabTermsTable>;

export function loadScheme(db: Executor, scheme: string): Promise<TermRow[]> {
  return db
    .selectFrom('vocab_terms')
    .selectAll()
    .where('scheme', '=', scheme)
    .orderBy('sort')
    .orderBy('code')
    .execute();
}

export function findTerm(db: Executor, scheme: string, code: string): Promise<TermRow | undefined> {
  return db
    .selectFrom('vocab_terms')
    .selectAll()
    .where('scheme', '=', scheme)
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function schemeExists(db: Executor, scheme: string): Promise<boolean> {
  const r = await db
    .selectFrom('vocab_versions')
    .select('scheme')
    .where('scheme', '=', scheme)
    .executeTakeFirst();
  return r !== undefined;
}

export async function schemeVersion(db: Executor, scheme: string): Promise<number> {
  const r = await db
    .selectFrom('vocab_versions')
    .select('version')
    .where('scheme', '=', scheme)
    .executeTakeFirst();
  return r?.version ?? 0;
}

/** One row per scheme with its counts (one grouped scan; the admin list and its badges). */
export function schemeCounts(db: Executor) {
  const count = (cond: ReturnType<typeof sql<number>>) =>
    sql<number>`sum(case when ${cond} then 1 else 0 end)`;
  return db
    .selectFrom('vocab_terms as t')
    .innerJoin('vocab_versions as v', 'v.scheme', 't.scheme')
    .select([
      't.scheme',
      'v.version',
      'v.updated_at',
      sql<number>`count(*)`.as('terms'),
      count(sql`t.active = 0`).as('retired'),
      count(sql`t.origin = 'local'`).as('local'),
      count(sql`t.origin = 'huridocs'`).as('huridocs'),
      count(sql`t.ky_status = 'missing'`).as('ky_missing'),
      count(sql`t.ky_status = 'draft'`).as('ky_draft'),
      count(sql`t.ru_status = 'missing'`).as('ru_missing'),
      count(sql`t.ru_status = 'draft'`).as('ru_draft'),
    ])
    .groupBy(['t.scheme', 'v.version', 'v.updated_at'])
    .orderBy('t.scheme')
    .execute();
}

export async function nextSort(db: Executor, scheme: string): Promise<number> {
  const r = await db
    .selectFrom('vocab_terms')
    .select(sql<number | null>`max(sort)`.as('m'))
    .where('scheme', '=', scheme)
    .executeTakeFirst();
  return Number(r?.m ?? -1) + 1;
}

/** A new version of the scheme for a change; every change to a term goes with one. */
export async function bumpVersion(db: Executor, scheme: string, now: string): Promise<number> {
  const r = await db
    .updateTable('vocab_versions')
    .set({ version: sql`version + 1`, updated_at: now })
    .where('scheme', '=', scheme)
    .returning('version')
    .executeTakeFirstOrThrow();
  return r.version;
}

export async function updateTerm(
  db: Executor,
  scheme: string,
  code: string,
  patch: Partial<Omit<TermRow, 'scheme' | 'code'>>,
): Promise<void> {
  await db
    .updateTable('vocab_terms')
    .set(patch)
    .where('scheme', '=', scheme)
    .where('code', '=', code)
    .execute();
}

export async function insertTerm(db: Executor, row: TermRow): Promise<boolean> {
  const r = await db
    .insertInto('vocab_terms')
    .values(row)
    .onConflict((oc) => oc.columns(['scheme', 'code']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}
