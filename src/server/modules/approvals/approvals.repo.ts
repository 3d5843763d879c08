import type { Executor } from '../../platform/db/db.ts';
import type { ApprovalsTable } from '../../platform/db/schema.ts';

export type ApprovalRow = ApprovalsTable;

export const approvalsRepo = {
  insert(db: Executor, row: ApprovalRow) {
    return db.insertInto('approvals').values(row).execute();
  },
  byId(db: Executor, id: string) {
    return db.selectFrom('approvals').selectAll().where('id', '=', id).executeTakeFirst();
  },
  pending(db: Executor) {
    return db
      .selectFrom('approvals')
      .selectAll()
      .where('status', '=', 'pending')
      .orderBy('requested_at')
      .execute();
  },
  pendingFor(db: Executor, kind: string, targetId: string) {
    return db
      .selectFrom('approvals')
      .selectAll()
      .where('status', '=', 'pending')
      .where('kind', '=', kind)
      .where('target_id', '=', targetId)
      .executeTakeFirst();
  },
  /** Decide once: the update only succeeds while the request is still pending (two admins racing). */
  async decide(db: Executor, id: string, status: 'approved' | 'rejected', by: string): Promise<boolean> {
    const r = await db
      .updateTable('approvals')
      .set({ status, decided_by: by, decided_at: new Date().toISOString() })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
};
