import type { RawBuilder } from 'kysely';
import type { DbKind, Executor } from '../db/db.ts';
import type { Envelope } from '../crypto/envelope.ts';
import { postgresSearch } from './postgres.ts';
import { sqliteSearch } from './sqlite.ts';
import {
  documentHashes,
  documentStems,
  queryStems,
  queryTerms,
  searchTokens,
  sensitiveQueryForms,
  type SearchLang,
  type TermHasher,
} from './text.ts';

export type { SearchLang } from './text.ts';

/**
 * One document to index. `text` is the searchable text of the entity (several fields joined by the
 * caller). When `sensitive` is true the text is never stored: only truncated keyed hashes of its words
 * and their prefixes are, so `envelope` is then required (and the same envelope must be given to
 * `search` to find the document again).
 */
export interface SearchDoc {
  entityType: string;
  entityId: string;
  /** Visibility bucket chosen by the caller (e.g. `public`, a team id); searches filter on it. */
  scope: string;
  lang: SearchLang;
  text: string;
  sensitive: boolean;
  envelope?: Envelope;
}

/**
 * A search. `query` is free text in any of the three languages; it is tokenised and never interpreted
 * as query syntax. Without `scope` every scope is searched, so callers must pass the scopes the user may
 * see. Without `envelope` sensitive documents are never matched.
 */
export interface SearchQuery {
  query: string;
  scope?: string | readonly string[];
  entityTypes?: readonly string[];
  /** Number of hits (default 20, at most 100). */
  limit?: number;
  envelope?: Envelope;
  /**
   * A condition on the hit's entity id (e.g. the caller's need-to-know rule), applied BEFORE the
   * limit, so hits the caller may not see never take the place of those it may.
   */
  where?: (entityId: RawBuilder<unknown>) => RawBuilder<unknown>;
  /**
   * `rank` (default): best matches first, every match scored. `recent`: the most recently indexed
   * matches first, unscored, so the search stops at its limit instead of ranking every match (a
   * caller that shows hits in its own order, like the newest-first event list, loses nothing).
   */
  order?: 'rank' | 'recent';
}

/**
 * One hit; `score` is larger for better matches (for `recent`: for more recent ones) and comparable
 * only within one result list.
 */
export interface SearchHit {
  entityType: string;
  entityId: string;
  score: number;
}

/** Full-text index over both databases; every method runs on the given executor (db or transaction). */
export interface SearchIndex {
  /** Add or replace the document of one entity. */
  index(exec: Executor, doc: SearchDoc): Promise<void>;
  remove(exec: Executor, entityType: string, entityId: string): Promise<void>;
  search(exec: Executor, q: SearchQuery): Promise<SearchHit[]>;
}

/** A document reduced to what a backend stores: public words and stems, or hashes only. */
export interface PreparedDoc {
  entityType: string;
  entityId: string;
  scope: string;
  lang: SearchLang;
  sensitive: boolean;
  /** Normalised words of public text (empty for sensitive documents). */
  words: string[];
  /** Russian/English stems of public text (empty for Kyrgyz and sensitive documents). */
  stems: string[];
  /** Keyed hashes of the words and prefixes of sensitive text (empty for public documents). */
  hashes: string[];
}

/** One query term and the forms it may take in each kind of document. */
export interface PlannedTerm {
  term: string;
  stems: string[];
  /** Empty when the search has no envelope: sensitive documents then cannot match. */
  hashes: string[];
}

export interface QueryPlan {
  terms: PlannedTerm[];
  scopes: readonly string[] | undefined;
  entityTypes: readonly string[] | undefined;
  limit: number;
  where?: ((entityId: RawBuilder<unknown>) => RawBuilder<unknown>) | undefined;
  order: 'rank' | 'recent';
}

/** What a dialect implements; all text handling happens before, identically for both. */
export interface SearchBackend {
  upsert(exec: Executor, doc: PreparedDoc): Promise<void>;
  remove(exec: Executor, entityType: string, entityId: string): Promise<void>;
  search(exec: Executor, plan: QueryPlan): Promise<SearchHit[]>;
}

const LANGS: ReadonlySet<string> = new Set<SearchLang>(['ky', 'ru', 'en']);
// 16 hex chars = 64 bits: collisions are negligible at our sizes, and a shorter value gives a seized
// index less to work with than the full HMAC.
const HASH_HEX_CHARS = 16;

/** The search index for the configured database. */
export function createSearchIndex(opts: { kind: DbKind }): SearchIndex {
  const backend = opts.kind === 'postgres' ? postgresSearch() : sqliteSearch();
  return {
    async index(exec, doc) {
      await backend.upsert(exec, prepareDoc(doc));
    },
    remove: (exec, entityType, entityId) => backend.remove(exec, entityType, entityId),
    async search(exec, q) {
      const plan = planQuery(q);
      if (plan.terms.length === 0) return [];
      if (plan.scopes?.length === 0 || plan.entityTypes?.length === 0) return [];
      return backend.search(exec, plan);
    },
  };
}

/** The keyed hash used for sensitive search terms: one HMAC purpose, truncated. */
export function searchHasher(envelope: Envelope): TermHasher {
  return (term) => envelope.blindIndex('search', term).slice(0, HASH_HEX_CHARS);
}

function prepareDoc(doc: SearchDoc): PreparedDoc {
  if (!LANGS.has(doc.lang)) throw new TypeError('search: unknown document language');
  const base = { entityType: doc.entityType, entityId: doc.entityId, scope: doc.scope, lang: doc.lang };
  const words = searchTokens(doc.text);
  if (doc.sensitive) {
    // Failing loudly beats the alternative of indexing sensitive text in clear.
    if (!doc.envelope) throw new TypeError('search: a sensitive document needs an envelope');
    const hashes = documentHashes(words, searchHasher(doc.envelope));
    return { ...base, sensitive: true, words: [], stems: [], hashes };
  }
  return { ...base, sensitive: false, words, stems: documentStems(doc.lang, words), hashes: [] };
}

function planQuery(q: SearchQuery): QueryPlan {
  const hash = q.envelope ? searchHasher(q.envelope) : undefined;
  const terms = queryTerms(q.query).map((term) => ({
    term,
    stems: queryStems(term),
    hashes: hash ? [...new Set(sensitiveQueryForms(term).map(hash))] : [],
  }));
  const scopes = q.scope === undefined ? undefined : typeof q.scope === 'string' ? [q.scope] : q.scope;
  const limit = Math.min(100, Math.max(1, Math.trunc(q.limit ?? 20) || 20));
  return { terms, scopes, entityTypes: q.entityTypes, limit, where: q.where, order: q.order ?? 'rank' };
}
