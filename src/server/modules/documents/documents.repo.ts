import type { Executor } from '../../platform/db/db.ts';
import type { CaseDocumentsTable } from '../../platform/db/schema.ts';

export type DocumentRow = CaseDocumentsTable;

/** Queries on `case_documents` (one row per version); no rules here. */
export const documentsRepo = {
  insert(db: Executor, row: DocumentRow) {
    return db.insertInto('case_documents').values(row).execute();
  },
  /** One version, only when it belongs to the given case. */
  byIdInCase(db: Executor, caseId: string, id: string) {
    return db
      .selectFrom('case_documents')
      .selectAll()
      .where('id', '=', id)
      .where('case_id', '=', caseId)
      .executeTakeFirst();
  },
  /** Every version of every document of a case, each document's versions together, oldest first. */
  listForCase(db: Executor, caseId: string) {
    return db
      .selectFrom('case_documents')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('group_id')
      .orderBy('version')
      .execute();
  },
  versions(db: Executor, caseId: string, groupId: string) {
    return db
      .selectFrom('case_documents')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('group_id', '=', groupId)
      .orderBy('version', 'desc')
      .execute();
  },
  async maxVersion(db: Executor, groupId: string): Promise<number> {
    const r = await db
      .selectFrom('case_documents')
      .select((eb) => eb.fn.max<number>('version').as('v'))
      .where('group_id', '=', groupId)
      .executeTakeFirst();
    return Number(r?.v ?? 0);
  },
  /** A page of all rows in id order (keyset), for whole-store verification. */
  page(db: Executor, afterId: string | null, limit: number) {
    let q = db.selectFrom('case_documents').selectAll().orderBy('id').limit(limit);
    if (afterId) q = q.where('id', '>', afterId);
    return q.execute();
  },
};
