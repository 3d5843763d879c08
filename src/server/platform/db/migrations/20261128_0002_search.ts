import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Full-text search storage. The metadata row stays in `search_docs` (portable columns); the index itself
 * is dialect-specific, so each dialect has its own explicit branch:
 * - SQLite: a contentless FTS5 table (`search_fts`) whose rowid is kept in `search_docs.fts_rowid`.
 *   Contentless, so the table keeps only the inverted index and never a second copy of the text.
 *   `remove_diacritics 2` folds Latin accents only; Cyrillic ө ү ң й ё are left alone (verified), and
 *   ё→е is folded by the app before indexing.
 * - PostgreSQL: a `tsv` tsvector column with a GIN index, and a `ky` text search configuration.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against an untyped schema */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('search_docs')
    .addColumn('sensitive', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('search_docs_scope')
    .on('search_docs')
    .columns(['scope', 'entity_type'])
    .execute();
  if (isPostgres(db)) await upPostgres(db);
  else await upSqlite(db);
}

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

async function upSqlite(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('search_docs').addColumn('fts_rowid', 'integer').execute();
  await db.schema
    .createIndex('search_docs_fts_rowid')
    .on('search_docs')
    .column('fts_rowid')
    .unique()
    .execute();
  // body: normalised words of public text; stems: Russian/English stems of public text;
  // hashes: keyed hashes of the words (and prefixes) of sensitive text. Never plaintext of sensitive text.
  await sql`CREATE VIRTUAL TABLE search_fts USING fts5(
    body, stems, hashes,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
  )`.execute(db);
}

async function upPostgres(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE search_docs ADD COLUMN tsv tsvector NOT NULL DEFAULT ''::tsvector`.execute(db);
  await sql`CREATE INDEX search_docs_tsv ON search_docs USING gin (tsv)`.execute(db);
  // unaccent is a trusted extension (PG 13+), so a database owner may create it. It folds Latin accents
  // and ё→е but leaves Kyrgyz ө ү ң (and й) intact (verified on PG 15). Where it cannot be installed,
  // Kyrgyz search still works: the app already folds ё→е before indexing.
  const hasUnaccent = await tryCreateUnaccent(db);
  await sql`CREATE TEXT SEARCH CONFIGURATION ky (COPY = simple)`.execute(db);
  if (hasUnaccent) {
    await sql`ALTER TEXT SEARCH CONFIGURATION ky ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple`.execute(
      db,
    );
  }
}

async function tryCreateUnaccent(db: Kysely<any>): Promise<boolean> {
  // A savepoint keeps a refused CREATE EXTENSION from aborting the migration's transaction.
  await sql`SAVEPOINT ukuk_unaccent`.execute(db);
  try {
    await sql`CREATE EXTENSION IF NOT EXISTS unaccent`.execute(db);
    await sql`RELEASE SAVEPOINT ukuk_unaccent`.execute(db);
    return true;
  } catch {
    await sql`ROLLBACK TO SAVEPOINT ukuk_unaccent`.execute(db);
    return false;
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`DROP TEXT SEARCH CONFIGURATION IF EXISTS ky`.execute(db);
    await sql`DROP INDEX IF EXISTS search_docs_tsv`.execute(db);
    await sql`ALTER TABLE search_docs DROP COLUMN IF EXISTS tsv`.execute(db);
  } else {
    await sql`DROP TABLE IF EXISTS search_fts`.execute(db);
    await db.schema.dropIndex('search_docs_fts_rowid').ifExists().execute();
    await db.schema.alterTable('search_docs').dropColumn('fts_rowid').execute();
  }
  await db.schema.dropIndex('search_docs_scope').ifExists().execute();
  await db.schema.alterTable('search_docs').dropColumn('sensitive').execute();
}
