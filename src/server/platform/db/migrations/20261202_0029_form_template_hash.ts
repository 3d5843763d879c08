import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against an untyped schema */
/**
 * The shipped template definition an installation last took or turned down, per template form (its
 * SHA-256, as `form_versions.definition_hash`). A later release's template is offered, never forced
 * (ADR 0022): the builder shows it while the shipped file differs from the form and from this hash.
 * A template form made before this column was imported from its version 1, which is what it took.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('forms').addColumn('template_hash', 'text').execute();
  await sql`update forms set template_hash = (
      select v.definition_hash from form_versions v where v.form_id = forms.id and v.version = 1)
    where key is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('forms').dropColumn('template_hash').execute();
}
