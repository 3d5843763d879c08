import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../db/db.ts';
import { uuidv7 } from '../../../core/ids.ts';
import type { PlannedTerm, QueryPlan, SearchBackend, SearchHit } from './search.ts';
import { fts5String } from './text.ts';

/**
 * SQLite backend: a contentless FTS5 table `search_fts` (body, stems, hashes) whose rowid is kept in
 * `search_docs.fts_rowid`. The FTS table is not in the Kysely schema, so the queries are raw (but
 * parameterised) SQL.
 */
export function sqliteSearch(): SearchBackend {
  return {
    async upsert(exec, doc) {
      await inTransaction(exec, async (tx) => {
        await removeDoc(tx, doc.entityType, doc.entityId);
        const inserted = await sql`INSERT INTO search_fts (body, stems, hashes)
          VALUES (${doc.words.join(' ')}, ${doc.stems.join(' ')}, ${doc.hashes.join(' ')})`.execute(tx);
        if (inserted.insertId === undefined) throw new Error('search: FTS insert returned no rowid');
        await tx
          .withTables<{ search_docs: { sensitive: number; fts_rowid: number } }>()
          .insertInto('search_docs')
          .values({
            id: uuidv7(),
            scope: doc.scope,
            entity_type: doc.entityType,
            entity_id: doc.entityId,
            lang: doc.lang,
            sensitive: doc.sensitive ? 1 : 0,
            fts_rowid: Number(inserted.insertId),
            updated_at: new Date().toISOString(),
          })
          .execute();
      });
    },

    async remove(exec, entityType, entityId) {
      await inTransaction(exec, (tx) => removeDoc(tx, entityType, entityId));
    },

    async search(exec, plan) {
      if (plan.order === 'recent') {
        // FTS5 walks its postings in rowid order (the order of indexing) and stops at the limit.
        const { rows } = await sql<{ entityType: string; entityId: string }>`
          SELECT d.entity_type AS entityType, d.entity_id AS entityId
          FROM search_fts JOIN search_docs d ON d.fts_rowid = search_fts.rowid
          WHERE search_fts MATCH ${matchExpression(plan.terms)} ${filters(plan)}
          ORDER BY search_fts.rowid DESC
          LIMIT ${plan.limit}`.execute(exec);
        return rows.map((r, i): SearchHit => ({ ...r, score: rows.length - i }));
      }
      const { rows } = await sql<{ entityType: string; entityId: string; rank: number }>`
        SELECT d.entity_type AS entityType, d.entity_id AS entityId, bm25(search_fts, 1.0, 0.5, 1.0) AS rank
        FROM search_fts JOIN search_docs d ON d.fts_rowid = search_fts.rowid
        WHERE search_fts MATCH ${matchExpression(plan.terms)} ${filters(plan)}
        ORDER BY rank, d.entity_id
        LIMIT ${plan.limit}`.execute(exec);
      // bm25() is smaller for better matches; the API promises larger-is-better.
      return rows.map((r): SearchHit => ({ entityType: r.entityType, entityId: r.entityId, score: -r.rank }));
    },
  };
}

/**
 * The FTS5 MATCH expression, built only from quoted string literals: every term must match (AND), each
 * as a word prefix in public text, an exact stem, or one of its hashed forms in sensitive text.
 */
export function matchExpression(terms: readonly PlannedTerm[]): string {
  return terms
    .map((t) => {
      const alternatives = [
        `body : ${fts5String(t.term)} *`,
        ...t.stems.map((s) => `stems : ${fts5String(s)}`),
        ...t.hashes.map((h) => `hashes : ${fts5String(h)}`),
      ];
      return `(${alternatives.join(' OR ')})`;
    })
    .join(' AND ');
}

function filters(plan: QueryPlan): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  if (plan.scopes) parts.push(sql`AND d.scope IN (${sql.join(plan.scopes)})`);
  if (plan.entityTypes) parts.push(sql`AND d.entity_type IN (${sql.join(plan.entityTypes)})`);
  if (plan.where) parts.push(sql`AND ${plan.where(sql.ref('d.entity_id'))}`);
  return sql.join(parts, sql` `);
}

async function removeDoc(exec: Executor, entityType: string, entityId: string): Promise<void> {
  const { rows } = await sql<{ fts_rowid: number | null }>`
    DELETE FROM search_docs WHERE entity_type = ${entityType} AND entity_id = ${entityId}
    RETURNING fts_rowid`.execute(exec);
  for (const r of rows) {
    if (r.fts_rowid !== null) await sql`DELETE FROM search_fts WHERE rowid = ${r.fts_rowid}`.execute(exec);
  }
}

/** The FTS row and its metadata row change together, in the caller's transaction or a new one. */
async function inTransaction(exec: Executor, fn: (tx: Executor) => Promise<void>): Promise<void> {
  if (exec.isTransaction) return fn(exec);
  return exec.transaction().execute(fn);
}
