import type { AppContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/db.ts';
import type { UploadsTable } from '../../platform/db/schema.monitoring.ts';
import { FileStore } from '../../platform/files/store.ts';
import { IMAGE_TYPES, storeThumbnail } from '../../platform/files/thumbnail.ts';
import { CONTENT, keyOf } from './uploads.service.ts';

/**
 * Thumbnails of observers' photos for the review page (job `monitoring.upload_thumb`, payload: the
 * upload id): a reviewer on a phone sees a report without loading every full-size photo. Made after
 * the upload completes, never in the request; stored encrypted under the upload's own key, without
 * any of the photo's metadata (its GPS position stays in the original only).
 */
export const UPLOAD_THUMB_JOB = 'monitoring.upload_thumb';
export const THUMB = 'thumb';

/** A picture type sharp can read: named (image/png) or, for an upload sent without a name, sniffed. */
export function isPicture(mime: string | null): boolean {
  return !!mime && (IMAGE_TYPES.has(mime) || /^application\/x-(jpeg|png|gif|webp|heic)$/.test(mime));
}

/** Queue the thumbnail of a completed photo; a second ask for the same upload adds nothing. */
export async function queueUploadThumbnail(ctx: AppContext, exec: Executor, uploadId: string): Promise<void> {
  await ctx.jobs.enqueue(
    exec,
    UPLOAD_THUMB_JOB,
    { id: uploadId },
    { uniqueKey: `${UPLOAD_THUMB_JOB}:${uploadId}` },
  );
}

export function registerUploadThumbnails(ctx: AppContext): void {
  ctx.jobs.register(UPLOAD_THUMB_JOB, async (payload) => {
    const id = (payload as { id?: unknown } | null)?.id;
    if (typeof id === 'string') await makeUploadThumbnail(ctx, id);
  });
}

/** Make the thumbnail if it is missing; safe to run twice (the queue delivers at least once). */
export async function makeUploadThumbnail(ctx: AppContext, id: string): Promise<void> {
  const r: UploadsTable | undefined = await ctx.db
    .selectFrom('uploads')
    .selectAll()
    .where('id', '=', id)
    .where('complete', '=', 1)
    .executeTakeFirst();
  if (!r?.storage_key || r.thumb_key || !isPicture(r.mime)) return;
  const store = new FileStore(ctx.config.dataDir);
  // A file that no longer matches its fingerprint gets no derived copy (`ukuk files verify` reports it).
  const stored = await storeThumbnail(
    store,
    keyOf(ctx, r),
    { field: CONTENT, storageKey: r.storage_key, sha256: r.sha256, size: Number(r.size) },
    THUMB,
  );
  if (stored === 'unreadable') ctx.log.warn({ uploadId: id }, 'upload unreadable: no thumbnail');
  if (!stored || stored === 'unreadable') return;
  const set = await ctx.db
    .updateTable('uploads')
    .set({ thumb_key: stored.storageKey, thumb_sha256: stored.sha256, thumb_size: stored.size })
    .where('id', '=', id)
    .where('thumb_key', 'is', null)
    .executeTakeFirst();
  if (Number(set.numUpdatedRows) === 0) await store.remove(stored.storageKey); // another run was first
}
