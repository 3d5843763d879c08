import type { Actor } from '../../platform/access/policy.ts';
import { auditNow, envelope, type AppContext } from '../../platform/context.ts';
import type { SubmissionsTable, UploadsTable } from '../../platform/db/schema.monitoring.ts';
import { AppError } from '../../platform/errors.ts';
import { sanitizeFileName, withExtension } from '../../platform/files/names.ts';
import { TYPES } from '../../platform/files/sniff.ts';
import { loadSubmission } from './submissions.read.ts';
import { publishedVersion, uploadIdsOf } from './submissions.forms.ts';
import { CONTENT, keyOf as uploadKey, store as uploadStore } from './uploads.service.ts';
import { isPicture, queueUploadThumbnail, THUMB } from './uploads.thumbs.ts';

/** What the review page needs to show one attached file. */
export interface SubmissionFile {
  id: string;
  mime: string;
  size: number;
  name: string;
}

// Kinds a browser shows by itself; everything else (PDF, office files, HEIC) is handed out as a download.
const INLINE = /^(image\/(jpeg|png|gif|webp)|audio\/(mpeg|mp4|ogg|wav|webm)|video\/(mp4|webm|quicktime))$/;

/**
 * The stored type as a browser knows it. An upload sent without a name keeps the sniffed kind only
 * (`application/x-png`), which a browser would not show: it gets the type of that kind.
 */
function servedType(mime: string | null): { mime: string; ext: string | null } {
  const kind = /^application\/x-([a-z0-9]+)$/.exec(mime ?? '')?.[1];
  if (kind) {
    const ext = Object.keys(TYPES).find((e) => TYPES[e]!.kinds[0] === kind);
    if (ext) return { mime: TYPES[ext]!.mime, ext };
  }
  return { mime: mime ?? 'application/octet-stream', ext: null };
}

/**
 * The complete uploads the submission's file/signature answers name (repeat groups included). Only
 * the observer's own uploads count, as when the submission was accepted (submissions.service.ts).
 */
async function referencedUploads(
  ctx: AppContext,
  row: SubmissionsTable,
  answers: Record<string, unknown>,
  only?: string,
): Promise<UploadsTable[]> {
  if (!row.observer_id) return [];
  const v = await publishedVersion(ctx.db, row.form_version_id);
  if (!v) return [];
  const ids = [...new Set(uploadIdsOf(v, answers).map((r) => r.id))].filter((id) => !only || id === only);
  if (ids.length === 0) return [];
  return ctx.db
    .selectFrom('uploads')
    .selectAll()
    .where('id', 'in', ids)
    .where('user_id', '=', row.observer_id)
    .where('complete', '=', 1)
    .orderBy('id')
    .execute();
}

function describe(ctx: AppContext, u: UploadsTable): SubmissionFile {
  const { mime, ext } = servedType(u.mime);
  const raw = uploadKey(ctx, u).decrypt('name', u.name_enc) ?? '';
  const name = sanitizeFileName(raw, 'file');
  return { id: u.id, mime, size: Number(u.size), name: ext ? withExtension(name, ext) : name };
}

/** Name, type and size of every file the answers reference, for the submission's reader. */
export async function submissionFiles(
  ctx: AppContext,
  row: SubmissionsTable,
  answers: Record<string, unknown>,
): Promise<SubmissionFile[]> {
  return (await referencedUploads(ctx, row, answers)).map((u) => describe(ctx, u));
}

/** The referenced files with their stored fingerprint and content, to be copied (an incident's evidence). */
export async function filesForCopy(
  ctx: AppContext,
  row: SubmissionsTable,
  answers: Record<string, unknown>,
): Promise<(SubmissionFile & { sha256: string; body: AsyncIterable<Buffer> })[]> {
  return (await referencedUploads(ctx, row, answers)).map((u) => ({
    ...describe(ctx, u),
    sha256: u.sha256,
    body: uploadStore(ctx).read(uploadKey(ctx, u), CONTENT, u.storage_key!),
  }));
}

/**
 * One attached file of a submission the actor may read (the same check as reading the submission).
 * An upload the answers do not name answers exactly like a missing one: nobody learns that an id
 * exists by trying it against a submission they can see. Each opening is audited. `thumb` asks for a
 * photo's small copy (the original while it is not made yet; every other file as it is).
 */
export async function openSubmissionFile(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  uploadId: string,
  variant: 'original' | 'thumb' = 'original',
): Promise<SubmissionFile & { inline: boolean; body: AsyncIterable<Buffer> }> {
  const row = await loadSubmission(ctx, actor, id);
  const key = envelope(ctx).openRecordKey('submissions', row.id, row.dek);
  const answers = JSON.parse(key.decrypt('answers', row.answers)) as Record<string, unknown>;
  const [u] = await referencedUploads(ctx, row, answers, uploadId);
  if (!u?.storage_key) throw new AppError('uploads.not_found');
  // The audit says what was served: the small copy only when there is one for a photo.
  const thumb = variant === 'thumb' && isPicture(u.mime) && !!u.thumb_key;
  await auditNow(ctx, {
    actorId: actor!.userId,
    action: 'monitoring.submission_file_read',
    entityType: 'submission',
    entityId: id,
    details: { uploadId, ...(thumb ? { variant } : {}) },
  });
  const file = describe(ctx, u);
  if (thumb) {
    return {
      id: u.id,
      mime: 'image/jpeg',
      size: Number(u.thumb_size),
      name: withExtension(file.name.replace(/\.[^.]*$/, ''), 'jpg'),
      inline: true,
      body: uploadStore(ctx).read(uploadKey(ctx, u), THUMB, u.thumb_key!),
    };
  }
  // Not made yet (a photo sent before thumbnails existed, or the job still waits): ask for it and
  // show the original meanwhile.
  if (variant === 'thumb' && isPicture(u.mime)) await queueUploadThumbnail(ctx, ctx.db, u.id);
  return {
    ...file,
    inline: INLINE.test(file.mime),
    body: uploadStore(ctx).read(uploadKey(ctx, u), CONTENT, u.storage_key),
  };
}
