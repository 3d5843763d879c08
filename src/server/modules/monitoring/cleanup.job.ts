import { inTx, type AppContext } from '../../platform/context.ts';
import { FileStore } from '../../platform/files/store.ts';

/**
 * Housekeeping of the monitoring module, run hourly by the job worker:
 * - uploads of the field app that stopped before their last piece (a phone lost, a report dropped)
 *   are deleted after `UKUK_UPLOAD_ABANDON_HOURS` without a new piece, with their encrypted pieces;
 * - finished export files are deleted after `UKUK_EXPORT_KEEP_DAYS` and the export is marked
 *   `expired` (its download then answers 410 `mon_export.expired`). An export carries a whole
 *   mission's reports, so it should not outlive the task it was made for.
 * Rows go first, in a transaction with an audit entry of the counts; files are removed after the
 * commit, so a crash in between leaves an unreferenced file (`ukuk files verify` lists it), never a
 * row pointing at a file that is gone.
 */
export const CLEANUP_JOB = 'monitoring.cleanup';
const BATCH = 200;

export interface CleanupResult {
  uploads: number;
  pieces: number;
  exports: number;
}

/** Handle the cleanup job on this node. */
export function registerMonitoringCleanup(ctx: AppContext): void {
  ctx.jobs.register(CLEANUP_JOB, async (_payload, info) => {
    await cleanupMonitoring(ctx, Date.now(), info.jobId);
  });
}

/** Enqueue the cleanup once per clock hour for the whole cluster (the unique key de-duplicates). */
export async function scheduleMonitoringCleanup(ctx: AppContext, now = Date.now()): Promise<void> {
  const hour = new Date(now).toISOString().slice(0, 13);
  await ctx.jobs.enqueue(ctx.db, CLEANUP_JOB, {}, { uniqueKey: `${CLEANUP_JOB}:${hour}` });
}

/** Delete abandoned uploads and expire old export files; returns what was removed. */
export async function cleanupMonitoring(
  ctx: AppContext,
  now = Date.now(),
  jobId?: string,
): Promise<CleanupResult> {
  const store = new FileStore(ctx.config.dataDir);
  const out: CleanupResult = { uploads: 0, pieces: 0, exports: 0 };
  const uploadCutoff = new Date(now - ctx.config.uploadAbandonMs).toISOString();
  for (;;) {
    const r = await purgeUploads(ctx, store, uploadCutoff, jobId);
    out.uploads += r.uploads;
    out.pieces += r.pieces;
    if (r.seen < BATCH || r.uploads === 0) break;
  }
  const exportCutoff = new Date(now - ctx.config.exportKeepMs).toISOString();
  for (;;) {
    const r = await expireExports(ctx, store, exportCutoff, jobId);
    out.exports += r.exports;
    if (r.seen < BATCH || r.exports === 0) break;
  }
  return out;
}

async function purgeUploads(ctx: AppContext, store: FileStore, cutoff: string, jobId: string | undefined) {
  const candidates = await ctx.db
    .selectFrom('uploads')
    .select('id')
    .where('complete', '=', 0)
    .where('updated_at', '<', cutoff)
    .orderBy('id')
    .limit(BATCH)
    .execute();
  if (candidates.length === 0) return { seen: 0, uploads: 0, pieces: 0 };
  const ids = candidates.map((c) => c.id);
  const files = await inTx(ctx, async (tx, audit) => {
    const parts = await tx
      .selectFrom('upload_parts')
      .select(['upload_id', 'storage_key'])
      .where('upload_id', 'in', ids)
      .execute();
    // The conditions again: a piece that arrived since the first read keeps its upload alive.
    const gone = await tx
      .deleteFrom('uploads')
      .where('id', 'in', ids)
      .where('complete', '=', 0)
      .where('updated_at', '<', cutoff)
      .returning('id')
      .execute();
    const deleted = new Set(gone.map((g) => g.id));
    const keys = parts.filter((p) => deleted.has(p.upload_id)).map((p) => p.storage_key);
    if (deleted.size > 0)
      await audit({
        actorId: null,
        action: 'monitoring.uploads_purged',
        entityType: 'job',
        entityId: jobId,
        details: { count: deleted.size, pieces: keys.length },
      });
    return { uploads: deleted.size, keys };
  });
  for (const k of files.keys) await store.remove(k);
  return { seen: candidates.length, uploads: files.uploads, pieces: files.keys.length };
}

async function expireExports(ctx: AppContext, store: FileStore, cutoff: string, jobId: string | undefined) {
  const candidates = await ctx.db
    .selectFrom('mon_exports')
    .select(['id', 'storage_key'])
    .where('status', '=', 'done')
    .where('updated_at', '<', cutoff)
    .orderBy('id')
    .limit(BATCH)
    .execute();
  if (candidates.length === 0) return { seen: 0, exports: 0 };
  const files = await inTx(ctx, async (tx, audit) => {
    const done = await tx
      .updateTable('mon_exports')
      .set({ status: 'expired', storage_key: null, updated_at: new Date().toISOString() })
      .where(
        'id',
        'in',
        candidates.map((c) => c.id),
      )
      .where('status', '=', 'done')
      .returning('id')
      .execute();
    const expired = new Set(done.map((d) => d.id));
    if (expired.size > 0)
      await audit({
        actorId: null,
        action: 'monitoring.exports_expired',
        entityType: 'job',
        entityId: jobId,
        details: { count: expired.size },
      });
    const keys = candidates.filter((c) => expired.has(c.id) && c.storage_key).map((c) => c.storage_key!);
    return { n: expired.size, keys };
  });
  for (const k of files.keys) await store.remove(k);
  return { seen: candidates.length, exports: files.n };
}
