import { createHash } from 'node:crypto';
import type { Insertable, Selectable } from 'kysely';
import type { FormDefinition } from '../../../core/forms/types.ts';
import type { Executor } from '../../platform/db/db.ts';
import type { FormsTable, FormVersionsTable } from '../../platform/db/schema.forms.ts';
import { AppError } from '../../platform/errors.ts';

export type FormRow = Selectable<FormsTable>;
export type VersionRow = Selectable<FormVersionsTable>;

/** The JSON text and hash of a definition, as stored. */
export function storedDefinition(def: FormDefinition): { definition: string; definition_hash: string } {
  const definition = JSON.stringify(def);
  return { definition, definition_hash: createHash('sha256').update(definition).digest('hex') };
}

/**
 * Queries of forms and form versions. The one rule kept here and not in the service: a published
 * version is never updated — every UPDATE of `form_versions` is guarded by `status = 'draft'` and a
 * miss answers `forms.published_immutable`, so no caller can change a published row by mistake.
 */
export const formsRepo = {
  listForms(db: Executor, includeArchived: boolean): Promise<FormRow[]> {
    let q = db.selectFrom('forms').selectAll();
    if (!includeArchived) q = q.where('archived', '=', 0);
    return q.orderBy('updated_at', 'desc').orderBy('id').execute();
  },

  findForm(db: Executor, id: string): Promise<FormRow | undefined> {
    return db.selectFrom('forms').selectAll().where('id', '=', id).executeTakeFirst();
  },

  findFormByKey(db: Executor, key: string): Promise<FormRow | undefined> {
    return db.selectFrom('forms').selectAll().where('key', '=', key).executeTakeFirst();
  },

  /** Versions of some forms without their definitions (for lists), newest first per form. */
  versionHeads(db: Executor, formIds: readonly string[]) {
    if (formIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('form_versions')
      .select(['id', 'form_id', 'version', 'status', 'published_at', 'published_by', 'definition_hash'])
      .where('form_id', 'in', formIds)
      .orderBy('form_id')
      .orderBy('version', 'desc')
      .execute();
  },

  findVersion(db: Executor, id: string): Promise<VersionRow | undefined> {
    return db.selectFrom('form_versions').selectAll().where('id', '=', id).executeTakeFirst();
  },

  latestVersion(db: Executor, formId: string): Promise<VersionRow | undefined> {
    return db
      .selectFrom('form_versions')
      .selectAll()
      .where('form_id', '=', formId)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
  },

  latestPublished(db: Executor, formId: string): Promise<VersionRow | undefined> {
    return db
      .selectFrom('form_versions')
      .selectAll()
      .where('form_id', '=', formId)
      .where('status', '=', 'published')
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
  },

  async insertForm(db: Executor, row: Insertable<FormsTable>): Promise<void> {
    await db.insertInto('forms').values(row).execute();
  },

  async touchForm(
    db: Executor,
    id: string,
    set: Partial<Pick<FormsTable, 'kind' | 'title' | 'archived' | 'updated_at'>>,
  ): Promise<void> {
    await db.updateTable('forms').set(set).where('id', '=', id).execute();
  },

  async setTemplateHash(db: Executor, id: string, hash: string): Promise<void> {
    await db.updateTable('forms').set({ template_hash: hash }).where('id', '=', id).execute();
  },

  async insertVersion(db: Executor, row: Insertable<FormVersionsTable>): Promise<void> {
    await db.insertInto('form_versions').values(row).execute();
  },

  /** Replace a draft's definition; a published (or missing) row is refused. */
  async updateDraft(db: Executor, id: string, def: FormDefinition): Promise<void> {
    const r = await db
      .updateTable('form_versions')
      .set(storedDefinition(def))
      .where('id', '=', id)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new AppError('forms.published_immutable');
  },

  /**
   * Publish a draft with its final (vocabulary-snapshotted) definition, once. `expectedHash` is the
   * draft the caller read: false when the draft was edited meanwhile (the caller reads it again).
   */
  async publishDraft(
    db: Executor,
    id: string,
    expectedHash: string,
    def: FormDefinition,
    by: string | null,
    at: string,
  ): Promise<boolean> {
    const r = await db
      .updateTable('form_versions')
      .set({ ...storedDefinition(def), status: 'published', published_at: at, published_by: by })
      .where('id', '=', id)
      .where('status', '=', 'draft')
      .where('definition_hash', '=', expectedHash)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 1) return true;
    const row = await db.selectFrom('form_versions').select('status').where('id', '=', id).executeTakeFirst();
    if (!row || row.status !== 'draft') throw new AppError('forms.published_immutable');
    return false;
  },
};
