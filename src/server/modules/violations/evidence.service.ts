import type { z } from 'zod';
import { uuidv7 } from '../../../core/ids.ts';
import { EvidenceUploadFields, PersonEvidenceUploadFields } from '../../../core/schemas/evidence.ts';
import { requireCap, type Actor } from '../../platform/access/policy.ts';
import { auditNow, envelope, inTx, type AppContext } from '../../platform/context.ts';
import type { Executor, Tx } from '../../platform/db/db.ts';
import { AppError, type FieldIssue } from '../../platform/errors.ts';
import { FileIntegrityError, FileStore } from '../../platform/files/store.ts';
import type { ReceivedUpload, UploadSink } from '../../platform/files/upload.ts';
import { canUseRegistry } from '../people/people.access.ts';
import { userNames } from '../users/users.names.ts';
import { presentCustody, recordCustody, recordCustodyTx } from './evidence.custody.ts';
import { CONTENT_FIELD, evidenceKey, presentEvidence, TABLE, THUMB_FIELD } from './evidence.presenter.ts';
import { evidenceRepo, type EvidenceRow } from './evidence.repo.ts';
import { loadEvent } from './violations.access.ts';

/**
 * Evidence of violations: uploads, lists, metadata, thumbnails, downloads and the custody log.
 * Need-to-know: an event's evidence follows the event (`loadEvent`: restricted events are seen by their
 * members only, and uploading needs edit rights on the event); a person's own evidence follows the
 * person (`personVisibleTo`; uploading needs `people.write`). An item the actor may not see answers
 * `evidence.not_found`, exactly like a missing one. Verification lives in `evidence.verify.ts`.
 */

/** Receives the request's file into the sink the service prepared (the route's multipart reader). */
export type Receive = (sink: UploadSink) => Promise<ReceivedUpload>;
type Placement = Pick<EvidenceRow, 'event_id' | 'act_id' | 'person_id'>;

export function fileStore(ctx: AppContext): FileStore {
  return new FileStore(ctx.config.dataDir);
}

function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({
    path: i.path.join('.'),
    code: i.code === 'too_big' ? 'too_long' : i.code === 'invalid_format' ? 'invalid_format' : 'invalid',
    params: i.code === 'too_big' ? { count: Number(i.maximum) } : undefined,
  }));
}

/**
 * Store an upload as a new item. The file is encrypted under the new row's own key while it streams
 * (checked by content on the way); if anything after that fails, the stored file is removed again, so
 * a refused upload leaves nothing behind. Thumbnail and text index are made by the `evidence.derive` job.
 */
async function storeUpload<S extends z.ZodType<Record<string, string | undefined>>>(
  ctx: AppContext,
  actor: Actor,
  receive: Receive,
  fields: S,
  place: (tx: Tx, f: z.infer<S>) => Promise<Placement>,
) {
  const id = uuidv7();
  const { key, wrapped } = envelope(ctx).newRecordKey(TABLE, id);
  const store = fileStore(ctx);
  const up = await receive({ store, key, field: CONTENT_FIELD, maxBytes: ctx.config.maxUploadBytes });
  try {
    const parsed = fields.safeParse(up.fields);
    if (!parsed.success) throw new AppError('validation.failed', { fields: fieldIssues(parsed.error) });
    const description = parsed.data.description || null;
    const row = await inTx(ctx, async (tx, audit) => {
      const r: EvidenceRow = {
        id,
        ...(await place(tx, parsed.data)),
        dek: wrapped,
        name_enc: key.encrypt('name', up.name),
        description_enc: key.encrypt('description', description),
        mime: up.mime,
        size: up.size,
        sha256: up.sha256,
        storage_key: up.storageKey,
        thumb_key: null,
        thumb_sha256: null,
        thumb_size: null,
        derived_at: null,
        text_indexed: 0,
        verified_at: null,
        verify_result: null,
        uploaded_by: actor.userId,
        uploaded_at: new Date().toISOString(),
      };
      await evidenceRepo.insert(tx, r);
      await recordCustodyTx(tx, audit, actor.userId, [r], 'upload', r.sha256);
      // Ids only: the job loads and decrypts what it needs.
      await ctx.jobs.enqueue(tx, 'evidence.derive', { id }, { uniqueKey: `evidence.derive:${id}` });
      return r;
    });
    return presentEvidence(envelope(ctx), row, await userNames(ctx, [actor.userId]));
  } catch (e) {
    await store.remove(up.storageKey);
    throw e;
  }
}

/** Upload to an event (optionally naming one of its acts and a person); needs edit rights on the event. */
export async function uploadToEvent(ctx: AppContext, actor: Actor | null, eventId: string, receive: Receive) {
  await loadEvent(ctx, actor, eventId, 'edit');
  return storeUpload(ctx, actor!, receive, EvidenceUploadFields, async (tx, f) => {
    await loadEvent(ctx, actor, eventId, 'edit', tx);
    if (f.actId && !(await evidenceRepo.actInEvent(tx, f.actId, eventId)))
      throw new AppError('evidence.act_invalid', { fields: [{ path: 'actId', code: 'invalid_value' }] });
    if (f.personId && !(await evidenceRepo.personVisible(tx, actor!, f.personId)))
      throw new AppError('violation.person_not_found', {
        fields: [{ path: 'personId', code: 'invalid_value' }],
      });
    return { event_id: eventId, act_id: f.actId ?? null, person_id: f.personId ?? null };
  });
}

async function requireVisiblePerson(ctx: AppContext, actor: Actor, personId: string, db: Executor = ctx.db) {
  if (canUseRegistry(actor) && (await evidenceRepo.personVisible(db, actor, personId))) return;
  if (db === ctx.db && (await evidenceRepo.personExists(db, personId)))
    await auditNow(ctx, {
      actorId: actor.userId,
      action: 'person.access_denied',
      entityType: 'person',
      entityId: personId,
    });
  throw new AppError('person.not_found');
}

/** Upload evidence that belongs to a person only (no event); the person must be visible. */
export async function uploadToPerson(
  ctx: AppContext,
  actor: Actor | null,
  personId: string,
  receive: Receive,
) {
  requireCap(actor, 'people.write');
  await requireVisiblePerson(ctx, actor, personId);
  return storeUpload(ctx, actor, receive, PersonEvidenceUploadFields, async (tx) => {
    await requireVisiblePerson(ctx, actor, personId, tx);
    return { event_id: null, act_id: null, person_id: personId };
  });
}

/** Load an item the actor may see, or `evidence.not_found` (the same for missing and hidden). */
export async function loadItem(ctx: AppContext, actor: Actor | null, id: string): Promise<EvidenceRow> {
  requireCap(actor, 'violations.read');
  const row = await evidenceRepo.byId(ctx.db, id);
  if (!row) throw new AppError('evidence.not_found');
  if (row.event_id) {
    try {
      await loadEvent(ctx, actor, row.event_id); // audits a refused look at a hidden event
    } catch (e) {
      if (e instanceof AppError && e.code === 'violation.not_found') throw new AppError('evidence.not_found');
      throw e;
    }
    return row;
  }
  if (
    row.person_id &&
    canUseRegistry(actor) &&
    (await evidenceRepo.personVisible(ctx.db, actor, row.person_id))
  )
    return row;
  await auditNow(ctx, {
    actorId: actor.userId,
    action: 'evidence.access_denied',
    entityType: 'vio_evidence',
    entityId: id,
  });
  throw new AppError('evidence.not_found');
}

async function present(ctx: AppContext, rows: EvidenceRow[]) {
  const names = await userNames(
    ctx,
    rows.map((r) => r.uploaded_by),
  );
  const env = envelope(ctx);
  return rows.map((r) => presentEvidence(env, r, names));
}

/** The evidence of an event, newest first; each item's custody log records the look. */
export async function listEventEvidence(ctx: AppContext, actor: Actor | null, eventId: string) {
  await loadEvent(ctx, actor, eventId);
  const rows = await evidenceRepo.forEvent(ctx.db, eventId);
  await inTx(ctx, (tx, audit) =>
    recordCustodyTx(tx, audit, actor!.userId, rows, 'view', 'list', {
      entityType: 'vio_event',
      entityId: eventId,
      details: { items: rows.length },
    }),
  );
  return present(ctx, rows);
}

/** Evidence about a person that the actor may see: the person's own, and that of visible events. */
export async function listPersonEvidence(ctx: AppContext, actor: Actor | null, personId: string) {
  requireCap(actor, 'violations.read');
  await requireVisiblePerson(ctx, actor, personId);
  const rows = await evidenceRepo.forPerson(ctx.db, actor, personId);
  await inTx(ctx, (tx, audit) =>
    recordCustodyTx(tx, audit, actor.userId, rows, 'view', 'list', {
      entityType: 'person',
      entityId: personId,
      details: { items: rows.length },
    }),
  );
  return present(ctx, rows);
}

/** One item's metadata (a "view" in its custody log). */
export async function getEvidence(ctx: AppContext, actor: Actor | null, id: string) {
  const row = await loadItem(ctx, actor, id);
  await recordCustody(ctx, actor!.userId, row, 'view', 'metadata');
  return (await present(ctx, [row]))[0]!;
}

/** The custody log of an item, for those who may see the item. */
export async function getCustody(ctx: AppContext, actor: Actor | null, id: string) {
  const row = await loadItem(ctx, actor, id);
  return presentCustody(ctx, row.id);
}

async function refuseDamaged(
  ctx: AppContext,
  actor: Actor,
  row: EvidenceRow,
  problem: string,
): Promise<never> {
  await inTx(ctx, async (tx, audit) => {
    await evidenceRepo.setVerified(tx, [row.id], new Date().toISOString(), problem);
    await recordCustodyTx(tx, audit, actor.userId, [row], 'verify', problem);
  });
  ctx.log.error({ evidenceId: row.id, problem }, 'evidence file failed its integrity check');
  throw new AppError('file.integrity_failed');
}

/** The stripped thumbnail of an image item (a "view" in its custody log). */
export async function openThumbnail(ctx: AppContext, actor: Actor | null, id: string) {
  const row = await loadItem(ctx, actor, id);
  if (!row.thumb_key) throw new AppError('evidence.no_thumbnail');
  const parts: Buffer[] = [];
  try {
    for await (const c of fileStore(ctx).read(evidenceKey(envelope(ctx), row), THUMB_FIELD, row.thumb_key))
      parts.push(c);
  } catch (e) {
    if (e instanceof FileIntegrityError) return refuseDamaged(ctx, actor!, row, e.problem);
    throw e;
  }
  await recordCustody(ctx, actor!.userId, row, 'view', 'thumbnail');
  return { mime: 'image/jpeg', body: Buffer.concat(parts) };
}

/**
 * Open the original for download. It is decrypted and re-hashed first, so a damaged or altered file
 * is refused (and recorded) instead of handed out; then the download is logged and the plaintext
 * streamed (authenticated again, chunk by chunk).
 */
export async function openDownload(ctx: AppContext, actor: Actor | null, id: string) {
  const row = await loadItem(ctx, actor, id);
  const key = evidenceKey(envelope(ctx), row);
  const store = fileStore(ctx);
  const check = await store.verify(key, CONTENT_FIELD, row.storage_key, row);
  if (!check.ok) return refuseDamaged(ctx, actor!, row, check.problem);
  await recordCustody(ctx, actor!.userId, row, 'download', null);
  return {
    name: key.decrypt('name', row.name_enc),
    mime: row.mime,
    size: Number(row.size),
    body: store.read(key, CONTENT_FIELD, row.storage_key),
  };
}
