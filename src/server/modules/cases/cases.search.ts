import { sql } from 'kysely';
import { envelope, type AppContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/db.ts';
import { createSearchIndex } from '../../platform/search/search.ts';

/**
 * Full-text search of case files (title, summary, court, docket number). Case text is sensitive, so
 * the index holds only keyed hashes of its words (platform/search); results are filtered through the
 * need-to-know rule by the caller. The index is derived data: after a restore (which does not carry
 * it) the `cases.reindex` job rebuilds it.
 */
const TYPE = 'case';

export interface CaseText {
  title: string;
  summary: string | null;
  court: string | null;
  docket: string | null;
}

export async function indexCase(ctx: AppContext, exec: Executor, id: string, t: CaseText): Promise<void> {
  await createSearchIndex({ kind: ctx.dbh.kind }).index(exec, {
    entityType: TYPE,
    entityId: id,
    scope: TYPE,
    lang: 'ru',
    text: [t.title, t.summary, t.court, t.docket].filter(Boolean).join(' '),
    sensitive: true,
    envelope: envelope(ctx),
  });
}

/** Ids of cases whose text matches (at most 100, best first); visibility is applied by the caller. */
export async function searchCaseIds(ctx: AppContext, query: string): Promise<string[]> {
  const hits = await createSearchIndex({ kind: ctx.dbh.kind }).search(ctx.db, {
    query,
    scope: TYPE,
    entityTypes: [TYPE],
    limit: 100,
    envelope: envelope(ctx),
  });
  return hits.map((h) => h.entityId);
}

/** Rebuild the index of every case (job `cases.reindex`), in pages, each page in its own transaction. */
export async function reindexCases(ctx: AppContext): Promise<number> {
  const env = envelope(ctx);
  let last = '';
  let n = 0;
  for (;;) {
    const rows = await ctx.db
      .selectFrom('cases')
      .select(['id', 'dek', 'title_enc', 'summary_enc', 'court', 'docket_enc'])
      .where('id', '>', last)
      .orderBy('id')
      .limit(500)
      .execute();
    if (rows.length === 0) return n;
    await ctx.db.transaction().execute(async (tx) => {
      for (const r of rows) {
        const key = env.openRecordKey('cases', r.id, r.dek);
        await indexCase(ctx, tx, r.id, {
          title: key.decrypt('title', r.title_enc),
          summary: key.decrypt('summary', r.summary_enc),
          court: r.court,
          docket: key.decrypt('docket', r.docket_enc),
        });
      }
    });
    n += rows.length;
    last = rows[rows.length - 1]!.id;
  }
}

export function registerCaseJobs(ctx: AppContext): void {
  ctx.jobs.register('cases.reindex', async () => {
    const n = await reindexCases(ctx);
    ctx.log.info({ cases: n }, 'case search index rebuilt');
  });
}

/** Queue a rebuild when the index holds fewer cases than the table (after a restore). */
export async function scheduleCaseReindexIfNeeded(ctx: AppContext): Promise<void> {
  const r = await sql<{ cases: number | string; indexed: number | string }>`
    select (select count(*) from cases) as cases,
           (select count(*) from search_docs where entity_type = ${TYPE}) as indexed`.execute(ctx.db);
  const row = r.rows[0];
  if (row && Number(row.indexed) < Number(row.cases))
    await ctx.jobs.enqueue(
      ctx.db,
      'cases.reindex',
      {},
      { uniqueKey: `cases.reindex:${new Date().toISOString().slice(0, 13)}` },
    );
}
