import { sql, type RawBuilder } from 'kysely';
import { uuidv7 } from '../../../core/ids.ts';
import type { PlannedTerm, PreparedDoc, QueryPlan, SearchBackend, SearchHit } from './search.ts';
import { tsqueryLexeme, type SearchLang } from './text.ts';

/**
 * PostgreSQL backend: `search_docs.tsv` (GIN-indexed). Public text goes through the document language's
 * text search configuration; sensitive documents store their hashes as exact lexemes via
 * `array_to_tsvector`, which bypasses the parser so nothing is split or stemmed.
 */
export function postgresSearch(): SearchBackend {
  return {
    async upsert(exec, doc) {
      await sql`
        INSERT INTO search_docs (id, scope, entity_type, entity_id, lang, sensitive, tsv, updated_at)
        VALUES (${uuidv7()}, ${doc.scope}, ${doc.entityType}, ${doc.entityId}, ${doc.lang},
                ${doc.sensitive ? 1 : 0}, ${tsvector(doc)}, ${new Date().toISOString()})
        ON CONFLICT (entity_type, entity_id) DO UPDATE SET
          scope = excluded.scope, lang = excluded.lang, sensitive = excluded.sensitive,
          tsv = excluded.tsv, updated_at = excluded.updated_at`.execute(exec);
    },

    async remove(exec, entityType, entityId) {
      await exec
        .deleteFrom('search_docs')
        .where('entity_type', '=', entityType)
        .where('entity_id', '=', entityId)
        .execute();
    },

    async search(exec, plan) {
      const pq = publicQuery(plan.terms);
      const hq = sql`CAST(${hashQuery(plan.terms)} AS tsquery)`;
      if (plan.order === 'recent') {
        // No ts_rank: the matches are only sorted by time of indexing (a top-N sort), never ranked.
        const { rows } = await sql<{ entityType: string; entityId: string }>`
          SELECT entity_type AS "entityType", entity_id AS "entityId"
          FROM search_docs
          WHERE ((sensitive = 0 AND tsv @@ ${pq}) OR (sensitive = 1 AND tsv @@ ${hq})) ${filters(plan)}
          ORDER BY updated_at DESC, entity_id DESC
          LIMIT ${plan.limit}`.execute(exec);
        return rows.map((r, i): SearchHit => ({ ...r, score: rows.length - i }));
      }
      const { rows } = await sql<{ entityType: string; entityId: string; score: number }>`
        SELECT entity_type AS "entityType", entity_id AS "entityId",
               ts_rank(tsv, CASE WHEN sensitive = 1 THEN ${hq} ELSE ${pq} END) AS score
        FROM search_docs
        WHERE ((sensitive = 0 AND tsv @@ ${pq}) OR (sensitive = 1 AND tsv @@ ${hq})) ${filters(plan)}
        ORDER BY score DESC, entity_id
        LIMIT ${plan.limit}`.execute(exec);
      return rows.map((r): SearchHit => ({
        entityType: r.entityType,
        entityId: r.entityId,
        score: Number(r.score),
      }));
    },
  };
}

// Whitelisted: the configuration name is never taken from input.
const CONFIG: Record<SearchLang, string> = { ky: 'ky', ru: 'russian', en: 'english' };

function tsvector(doc: PreparedDoc): RawBuilder<unknown> {
  if (doc.sensitive) return sql`array_to_tsvector(CAST(${doc.hashes} AS text[]))`;
  return sql`to_tsvector(CAST(${CONFIG[doc.lang]} AS regconfig), ${doc.words.join(' ')})`;
}

/**
 * Every term must match (&&); each term may match under any of the three configurations (||), since the
 * user's query language is unknown and a document's lexemes were made with its own configuration.
 * Terms are prefix matches so that Kyrgyz suffixes (and unfinished words) still match.
 */
function publicQuery(terms: readonly PlannedTerm[]): RawBuilder<unknown> {
  const perTerm = terms.map((t) => {
    const lexeme = tsqueryLexeme(t.term, true);
    return sql`(to_tsquery('russian', ${lexeme}) || to_tsquery('english', ${lexeme}) || to_tsquery('ky', ${lexeme}))`;
  });
  return sql`(${sql.join(perTerm, sql` && `)})`;
}

/** The hashed query as tsquery text, or null (matching nothing) when the search has no envelope. */
function hashQuery(terms: readonly PlannedTerm[]): string | null {
  if (terms.some((t) => t.hashes.length === 0)) return null;
  return terms.map((t) => `(${t.hashes.map((h) => tsqueryLexeme(h)).join(' | ')})`).join(' & ');
}

function filters(plan: QueryPlan): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  if (plan.scopes) parts.push(sql`AND scope IN (${sql.join(plan.scopes)})`);
  if (plan.entityTypes) parts.push(sql`AND entity_type IN (${sql.join(plan.entityTypes)})`);
  if (plan.where) parts.push(sql`AND ${plan.where(sql.ref('entity_id'))}`);
  return sql.join(parts, sql` `);
}
