import { sql, type Expression, type ExpressionBuilder, type ExpressionWrapper, type SqlBool } from 'kysely';
import type { Actor } from '../../platform/access/policy.ts';
import type { Executor } from '../../platform/db/db.ts';
import type {
  CalendarFeedsTable,
  Database,
  HearingsTable,
  NotificationsTable,
} from '../../platform/db/schema.ts';
import { caseVisibleTo } from '../cases/cases.access.ts';

export type HearingRow = HearingsTable;
export type NotificationRow = NotificationsTable;

type HEb = ExpressionBuilder<Database, 'hearings' | 'cases'>;

/** Another live hearing (not a deadline) of the same lawyer overlapping `hearings` (the outer row). */
function overlapsAnother(eb: HEb): ExpressionWrapper<Database, 'hearings' | 'cases', SqlBool> {
  return eb.and([
    eb('hearings.kind', '=', 'hearing'),
    eb('hearings.cancelled_at', 'is', null),
    eb.exists(
      eb
        .selectFrom('hearings as o')
        .select('o.id')
        .whereRef('o.lawyer_id', '=', 'hearings.lawyer_id')
        .whereRef('o.id', '<>', 'hearings.id')
        .where('o.kind', '=', 'hearing')
        .where('o.cancelled_at', 'is', null)
        .whereRef('o.starts_at', '<', 'hearings.ends_at')
        .whereRef('o.ends_at', '>', 'hearings.starts_at'),
    ),
  ]);
}

/** Overlaps the half-open UTC range [start, end): a span that intersects it, or a moment inside it. */
function inRange(eb: HEb, start: string, end: string): Expression<SqlBool> {
  return eb.and([
    eb('hearings.starts_at', '<', end),
    eb.or([
      eb('hearings.ends_at', '>', start),
      eb.and([eb('hearings.ends_at', 'is', null), eb('hearings.starts_at', '>=', start)]),
    ]),
  ]);
}

/** "Mine": I attend it, or I am on the case's team (grants excluded: they only read). */
function mine(eb: HEb, userId: string): Expression<SqlBool> {
  return eb.or([
    eb('hearings.lawyer_id', '=', userId),
    eb.exists(
      eb
        .selectFrom('case_members as me_m')
        .select('me_m.user_id')
        .whereRef('me_m.case_id', '=', 'hearings.case_id')
        .where('me_m.user_id', '=', userId)
        .where('me_m.role', '<>', 'grant'),
    ),
  ]);
}

/** PostgreSQL answers booleans, SQLite 0/1. */
export const truthy = (v: unknown): boolean => v === true || v === 1 || v === '1' || v === 't';

export interface RangeFilter {
  start: string;
  end: string;
  scope: 'me' | 'org';
  lawyer?: string | undefined;
  limit: number;
}

export const hearingsRepo = {
  insert(db: Executor, row: HearingRow) {
    return db.insertInto('hearings').values(row).execute();
  },
  byId(db: Executor, id: string) {
    return db.selectFrom('hearings').selectAll().where('id', '=', id).executeTakeFirst();
  },
  update(db: Executor, id: string, patch: Partial<HearingRow>) {
    return db.updateTable('hearings').set(patch).where('id', '=', id).execute();
  },
  /** A case's hearings in time order, each with its conflict flag. */
  listByCase(db: Executor, caseId: string) {
    return db
      .selectFrom('hearings')
      .innerJoin('cases', 'cases.id', 'hearings.case_id')
      .selectAll('hearings')
      .select((eb) => overlapsAnother(eb).as('conflict'))
      .where('hearings.case_id', '=', caseId)
      .orderBy('hearings.starts_at')
      .orderBy('hearings.id')
      .limit(1000)
      .execute();
  },
  /** Live hearings the actor may see in a UTC range, with case number and conflict flag. */
  range(db: Executor, actor: Actor, f: RangeFilter) {
    return db
      .selectFrom('hearings')
      .innerJoin('cases', 'cases.id', 'hearings.case_id')
      .selectAll('hearings')
      .select('cases.number as case_number')
      .select((eb) => overlapsAnother(eb).as('conflict'))
      .where('hearings.cancelled_at', 'is', null)
      .where(caseVisibleTo(actor, 'hearings.case_id', 'cases.restricted'))
      .where((eb) => inRange(eb, f.start, f.end))
      .$if(f.scope === 'me', (q) => q.where((eb) => mine(eb, actor.userId)))
      .$if(!!f.lawyer, (q) => q.where('hearings.lawyer_id', '=', f.lawyer!))
      .orderBy('hearings.starts_at')
      .orderBy('hearings.id')
      .limit(f.limit)
      .execute();
  },
  /** Lawyers attending visible hearings in the range (for the calendar's lawyer filter). */
  async lawyersInRange(db: Executor, actor: Actor, start: string, end: string): Promise<string[]> {
    const rows = await db
      .selectFrom('hearings')
      .innerJoin('cases', 'cases.id', 'hearings.case_id')
      .select('hearings.lawyer_id')
      .distinct()
      .where('hearings.cancelled_at', 'is', null)
      .where(caseVisibleTo(actor, 'hearings.case_id', 'cases.restricted'))
      .where((eb) => inRange(eb, start, end))
      .limit(500)
      .execute();
    return rows.map((r) => r.lawyer_id);
  },
  /** Other live hearings of a lawyer overlapping [start, end), with whether the actor may see their case. */
  overlapping(db: Executor, actor: Actor, h: { id: string; lawyerId: string; start: string; end: string }) {
    return db
      .selectFrom('hearings')
      .innerJoin('cases', 'cases.id', 'hearings.case_id')
      .select(['hearings.id', 'hearings.case_id', 'hearings.starts_at', 'hearings.ends_at'])
      .select('cases.number as case_number')
      .select(
        sql<number>`case when ${caseVisibleTo(actor, 'hearings.case_id', 'cases.restricted')} then 1 else 0 end`.as(
          'visible',
        ),
      )
      .where('hearings.lawyer_id', '=', h.lawyerId)
      .where('hearings.id', '<>', h.id)
      .where('hearings.kind', '=', 'hearing')
      .where('hearings.cancelled_at', 'is', null)
      .where('hearings.starts_at', '<', h.end)
      .where('hearings.ends_at', '>', h.start)
      .orderBy('hearings.starts_at')
      .limit(50)
      .execute();
  },
  /** Is the user on the case's working team (lead, co-counsel, paralegal) and active? */
  async teamMember(db: Executor, caseId: string, userId: string): Promise<boolean> {
    const r = await db
      .selectFrom('case_members')
      .innerJoin('users', 'users.id', 'case_members.user_id')
      .select('case_members.user_id')
      .where('case_members.case_id', '=', caseId)
      .where('case_members.user_id', '=', userId)
      .where('case_members.role', '<>', 'grant')
      .where('users.status', '=', 'active')
      .executeTakeFirst();
    return !!r;
  },
  /** Active users to remind about a hearing: the attending lawyer and the case's working team. */
  async recipients(db: Executor, caseId: string, lawyerId: string): Promise<string[]> {
    const team = await db
      .selectFrom('case_members')
      .select('user_id')
      .where('case_id', '=', caseId)
      .where('role', '<>', 'grant')
      .execute();
    const ids = [...new Set([lawyerId, ...team.map((r) => r.user_id)])];
    const active = await db
      .selectFrom('users')
      .select('id')
      .where('id', 'in', ids)
      .where('status', '=', 'active')
      .execute();
    return active.map((r) => r.id).sort();
  },
  caseRow(db: Executor, caseId: string) {
    return db
      .selectFrom('cases')
      .select(['id', 'number', 'status', 'restricted'])
      .where('id', '=', caseId)
      .executeTakeFirst();
  },
};

export const notificationsRepo = {
  /** Insert unless the same notice (user, kind, record, params) exists: a retried job adds nothing. */
  async insertOnce(db: Executor, row: NotificationRow): Promise<boolean> {
    const dup = await db
      .selectFrom('notifications')
      .select('id')
      .where('entity_id', '=', row.entity_id)
      .where('user_id', '=', row.user_id)
      .where('kind', '=', row.kind)
      .where('params', '=', row.params)
      .executeTakeFirst();
    if (dup) return false;
    await db.insertInto('notifications').values(row).execute();
    return true;
  },
  byId(db: Executor, id: string) {
    return db.selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirst();
  },
  listForUser(db: Executor, userId: string, limit: number) {
    return db
      .selectFrom('notifications')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  },
  async unreadCount(db: Executor, userId: string): Promise<number> {
    const r = await db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },
  async markRead(db: Executor, userId: string, id: string | null, at: string): Promise<number> {
    const r = await db
      .updateTable('notifications')
      .set({ read_at: at })
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .$if(id !== null, (q) => q.where('id', '=', id!))
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  },
};

export const feedsRepo = {
  active(db: Executor, userId: string) {
    return db
      .selectFrom('calendar_feeds')
      .selectAll()
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
  },
  byTokenHash(db: Executor, hash: string) {
    return db
      .selectFrom('calendar_feeds')
      .selectAll()
      .where('token_hash', '=', hash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
  },
  insert(db: Executor, row: CalendarFeedsTable) {
    return db.insertInto('calendar_feeds').values(row).execute();
  },
  async revokeAll(db: Executor, userId: string, at: string): Promise<number> {
    const r = await db
      .updateTable('calendar_feeds')
      .set({ revoked_at: at })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  },
  owner(db: Executor, userId: string) {
    return db
      .selectFrom('users')
      .select(['id', 'role', 'status', 'locale'])
      .where('id', '=', userId)
      .executeTakeFirst();
  },
};
