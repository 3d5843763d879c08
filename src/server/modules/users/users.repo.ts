import type { Executor } from '../../platform/db/db.ts';
import type { UsersTable } from '../../platform/db/schema.ts';

export type UserRow = UsersTable;

export const usersRepo = {
  insert(db: Executor, row: UserRow) {
    return db.insertInto('users').values(row).execute();
  },
  byId(db: Executor, id: string) {
    return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  },
  byIds(db: Executor, ids: readonly string[]) {
    return ids.length
      ? db
          .selectFrom('users')
          .selectAll()
          .where('id', 'in', [...ids])
          .execute()
      : Promise.resolve([]);
  },
  byEmailBidx(db: Executor, bidx: string) {
    return db.selectFrom('users').selectAll().where('email_bidx', '=', bidx).executeTakeFirst();
  },
  byInviteHash(db: Executor, hash: string) {
    return db.selectFrom('users').selectAll().where('invite_token_hash', '=', hash).executeTakeFirst();
  },
  list(db: Executor) {
    return db.selectFrom('users').selectAll().orderBy('created_at', 'asc').execute();
  },
  update(db: Executor, id: string, patch: Partial<UserRow>) {
    return db
      .updateTable('users')
      .set({ ...patch, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
  },
  async countActiveAdmins(db: Executor): Promise<number> {
    const r = await db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('role', '=', 'admin')
      .where('status', '=', 'active')
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },
  async count(db: Executor): Promise<number> {
    const r = await db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },
  replaceRecoveryCodes(
    db: Executor,
    userId: string,
    rows: { id: string; code_hash: string; created_at: string }[],
  ) {
    return db
      .deleteFrom('recovery_codes')
      .where('user_id', '=', userId)
      .execute()
      .then(() =>
        rows.length
          ? db
              .insertInto('recovery_codes')
              .values(rows.map((r) => ({ ...r, user_id: userId, used_at: null })))
              .execute()
          : [],
      );
  },
  unusedRecoveryCodes(db: Executor, userId: string) {
    return db
      .selectFrom('recovery_codes')
      .selectAll()
      .where('user_id', '=', userId)
      .where('used_at', 'is', null)
      .execute();
  },
  async useRecoveryCode(db: Executor, id: string): Promise<boolean> {
    const r = await db
      .updateTable('recovery_codes')
      .set({ used_at: new Date().toISOString() })
      .where('id', '=', id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
};
