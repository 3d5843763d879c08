import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against an untyped schema */
/**
 * Vocabularies grow from three legal-aid lists to the HURIDOCS micro-thesauri (thousands of terms),
 * local lists and rights: each term records where it came from (`origin`), an optional reference such
 * as a constitution article (`ref`), and whether its Kyrgyz and Russian labels were reviewed by a
 * person, are a draft, or are missing. The rows already seeded are Ukuk's own reviewed lists.
 * `vocab_versions.source_hash` lets a start skip a list whose shipped files did not change.
 *
 * One column per ALTER (SQLite allows no more), each skipped when present: SQLite runs migrations
 * outside a transaction, so a run cut short half-way must be able to start again.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const tables = await db.introspection.getTables();
  const cols = (t: string) => new Set(tables.find((x) => x.name === t)?.columns.map((c) => c.name) ?? []);
  const terms = cols('vocab_terms');
  const add = async (name: string, notNullDefault: string | null) => {
    if (terms.has(name)) return;
    await db.schema
      .alterTable('vocab_terms')
      .addColumn(name, 'text', (c) => (notNullDefault === null ? c : c.notNull().defaultTo(notNullDefault)))
      .execute();
  };
  await add('origin', 'ukuk');
  await add('ref', null);
  await add('ky_status', 'reviewed');
  await add('ru_status', 'reviewed');
  if (!cols('vocab_versions').has('source_hash'))
    await db.schema.alterTable('vocab_versions').addColumn('source_hash', 'text').execute();
  // A picker loads one whole scheme in display order.
  await db.schema
    .createIndex('vocab_terms_scheme_sort')
    .ifNotExists()
    .on('vocab_terms')
    .columns(['scheme', 'sort', 'code'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('vocab_terms_scheme_sort').ifExists().execute();
  for (const c of ['ru_status', 'ky_status', 'ref', 'origin'])
    await db.schema.alterTable('vocab_terms').dropColumn(c).execute();
  await db.schema.alterTable('vocab_versions').dropColumn('source_hash').execute();
}
