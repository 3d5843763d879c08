import { sql } from 'kysely';
import type { Actor } from '../../platform/access/policy.ts';
import { envelope, type AppContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/db.ts';
import { createSearchIndex } from '../../platform/search/search.ts';
import { eventVisibleTo } from './violations.access.ts';

/**
 * Full-text search of violation events: title, description, place, and the places and consequences of
 * their acts. All of it is sensitive (narratives of torture, names in passing), so the index holds only
 * keyed hashes of the words (platform/search); the caller filters hits through the need-to-know rule
 * (`eventVisibleTo`) inside the search, so a restricted event never surfaces. The index is derived data: after a
 * restore the `violations.reindex` job rebuilds it.
 */
const TYPE = 'vio_event';

/** Index one event from its current rows (decrypted here, never stored in clear). */
export async function indexEvent(ctx: AppContext, exec: Executor, id: string): Promise<void> {
  const env = envelope(ctx);
  const ev = await exec.selectFrom('vio_events').selectAll().where('id', '=', id).executeTakeFirst();
  if (!ev) return;
  const key = env.openRecordKey('vio_events', id, ev.dek);
  const parts = [key.decrypt('title', ev.title_enc), key.decrypt('description', ev.description_enc)];
  parts.push(key.decrypt('place', ev.place_enc));
  const acts = await exec
    .selectFrom('vio_acts')
    .select(['id', 'dek', 'place_enc', 'consequences_enc'])
    .where('event_id', '=', id)
    .execute();
  for (const a of acts) {
    const ak = env.openRecordKey('vio_acts', a.id, a.dek);
    parts.push(ak.decrypt('place', a.place_enc), ak.decrypt('consequences', a.consequences_enc));
  }
  await createSearchIndex({ kind: ctx.dbh.kind }).index(exec, {
    entityType: TYPE,
    entityId: id,
    scope: TYPE,
    lang: 'ru',
    text: parts.filter(Boolean).join(' '),
    sensitive: true,
    envelope: env,
  });
}

export async function unindexEvent(ctx: AppContext, exec: Executor, id: string): Promise<void> {
  await createSearchIndex({ kind: ctx.dbh.kind }).remove(exec, TYPE, id);
}

/**
 * Ids of events whose text matches and that the actor may see (at most 100, the most recently
 * indexed first: the list orders them newest first anyway, and ranking every match cost most). The
 * need-to-know rule is applied inside the search, before its limit: hidden restricted events never
 * take the places of visible ones (they did when the rule came after the top 100).
 */
export async function searchEventIds(ctx: AppContext, query: string, actor: Actor): Promise<string[]> {
  const hits = await createSearchIndex({ kind: ctx.dbh.kind }).search(ctx.db, {
    query,
    scope: TYPE,
    entityTypes: [TYPE],
    limit: 100,
    envelope: envelope(ctx),
    // The list shows events newest first: the most recent matches, found without ranking them all.
    order: 'recent',
    where: (id) =>
      sql`exists (select 1 from vio_events sv where sv.id = ${id} and ${eventVisibleTo(actor, 'sv.id', 'sv.restricted')})`,
  });
  return hits.map((h) => h.entityId);
}

/** Rebuild the index of every event (job `violations.reindex`), a page per transaction. */
export async function reindexEvents(ctx: AppContext): Promise<number> {
  let last = '';
  let n = 0;
  for (;;) {
    const rows = await ctx.db
      .selectFrom('vio_events')
      .select('id')
      .where('id', '>', last)
      .orderBy('id')
      .limit(200)
      .execute();
    if (rows.length === 0) return n;
    await ctx.db.transaction().execute(async (tx) => {
      for (const r of rows) await indexEvent(ctx, tx, r.id);
    });
    n += rows.length;
    last = rows[rows.length - 1]!.id;
  }
}

export function registerViolationJobs(ctx: AppContext): void {
  ctx.jobs.register('violations.reindex', async () => {
    const n = await reindexEvents(ctx);
    ctx.log.info({ events: n }, 'violation search index rebuilt');
  });
}

/** Queue a rebuild when the index holds fewer events than the table (after a restore). */
export async function scheduleViolationReindexIfNeeded(ctx: AppContext): Promise<void> {
  const r = await sql<{ events: number | string; indexed: number | string }>`
    select (select count(*) from vio_events) as events,
           (select count(*) from search_docs where entity_type = ${TYPE}) as indexed`.execute(ctx.db);
  const row = r.rows[0];
  if (row && Number(row.indexed) < Number(row.events))
    await ctx.jobs.enqueue(
      ctx.db,
      'violations.reindex',
      {},
      { uniqueKey: `violations.reindex:${new Date().toISOString().slice(0, 13)}` },
    );
}
