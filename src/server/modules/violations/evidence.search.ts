import { sql } from 'kysely';
import type { Actor } from '../../platform/access/policy.ts';
import { envelope, type AppContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/db.ts';
import { createSearchIndex } from '../../platform/search/search.ts';
import { evidenceVisibleTo } from './evidence.repo.ts';

/**
 * Search over evidence: the file name, the description and the text of PDFs. All of it is sensitive,
 * so the index holds only keyed hashes of the words (platform/search, like case and event text); hits
 * go through the evidence visibility rule, so a user finds an item (and through it its event) only
 * when they may see the file. The index is derived data: after a restore `evidence.reindex` rebuilds it.
 */
export const SEARCH_TYPE = 'vio_evidence';

export async function indexEvidenceText(
  ctx: AppContext,
  exec: Executor,
  id: string,
  text: string,
): Promise<void> {
  await createSearchIndex({ kind: ctx.dbh.kind }).index(exec, {
    entityType: SEARCH_TYPE,
    entityId: id,
    scope: SEARCH_TYPE,
    lang: 'ru',
    text,
    sensitive: true,
    envelope: envelope(ctx),
  });
}

/** Ids of items whose text matches (at most 100, best first), before any visibility rule. */
async function matchingIds(ctx: AppContext, query: string): Promise<string[]> {
  const hits = await createSearchIndex({ kind: ctx.dbh.kind }).search(ctx.db, {
    query,
    scope: SEARCH_TYPE,
    entityTypes: [SEARCH_TYPE],
    limit: 100,
    envelope: envelope(ctx),
  });
  return hits.map((h) => h.entityId);
}

/**
 * Evidence items the actor may see whose name, description or PDF text match `query`, best first:
 * `{ id, eventId }` (eventId null for a person's own evidence). The event search adds the event ids.
 */
export async function searchEvidence(
  ctx: AppContext,
  actor: Actor,
  query: string,
): Promise<{ id: string; eventId: string | null }[]> {
  const ids = await matchingIds(ctx, query);
  if (ids.length === 0) return [];
  const rows = await ctx.db
    .selectFrom('vio_evidence as ev')
    .select(['ev.id', 'ev.event_id'])
    .where('ev.id', 'in', ids)
    .where(evidenceVisibleTo(actor))
    .execute();
  const order = new Map(ids.map((id, i) => [id, i]));
  return rows
    .sort((a, b) => order.get(a.id)! - order.get(b.id)!)
    .map((r) => ({ id: r.id, eventId: r.event_id }));
}

/**
 * Ids of events that have evidence matching `query`, best first, WITHOUT the visibility rule: for the
 * event search, which filters its candidates through `eventVisibleTo` anyway (an event's evidence is
 * visible exactly when the event is).
 */
export async function evidenceEventIds(ctx: AppContext, query: string): Promise<string[]> {
  const ids = await matchingIds(ctx, query);
  if (ids.length === 0) return [];
  const rows = await ctx.db
    .selectFrom('vio_evidence')
    .select(['id', 'event_id'])
    .where('id', 'in', ids)
    .where('event_id', 'is not', null)
    .execute();
  const order = new Map(ids.map((id, i) => [id, i]));
  const sorted = rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return [...new Set(sorted.map((r) => r.event_id!))];
}

/** Queue a rebuild when fewer items are in the index than are marked indexed (after a restore). */
export async function scheduleEvidenceReindexIfNeeded(ctx: AppContext): Promise<void> {
  const r = await sql<{ items: number | string; indexed: number | string }>`
    select (select count(*) from vio_evidence where text_indexed = 1) as items,
           (select count(*) from search_docs where entity_type = ${SEARCH_TYPE}) as indexed`.execute(ctx.db);
  const row = r.rows[0];
  if (row && Number(row.indexed) < Number(row.items))
    await ctx.jobs.enqueue(
      ctx.db,
      'evidence.reindex',
      {},
      { uniqueKey: `evidence.reindex:${new Date().toISOString().slice(0, 13)}` },
    );
}
