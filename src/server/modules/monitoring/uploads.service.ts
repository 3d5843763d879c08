import { createHash } from 'node:crypto';
import { uuidv7 } from '../../../core/ids.ts';
import { requireCap, type Actor } from '../../platform/access/policy.ts';
import { envelope, inTx, type AppContext } from '../../platform/context.ts';
import type { RecordKey } from '../../platform/crypto/envelope.ts';
import type { UploadsTable } from '../../platform/db/schema.monitoring.ts';
import { AppError } from '../../platform/errors.ts';
import { decideType, sniff, SNIFF_BYTES } from '../../platform/files/sniff.ts';
import { registerFileOwner } from '../../platform/files/registry.ts';
import { FileStore } from '../../platform/files/store.ts';
import { checkUploadBudget } from './uploads.budget.ts';
import { isPicture, queueUploadThumbnail, THUMB } from './uploads.thumbs.ts';

/**
 * Resumable media uploads of the field app (issue #5 item 3: "media upload resumes"). The client
 * announces size and SHA-256, then sends pieces of at most 1 MB at the offset the server reports.
 * Every piece is stored at once as its own encrypted file under the upload's data key (nothing lands
 * in clear, not even half an upload); the last piece joins them into one encrypted file, checks the
 * SHA-256 and sniffs the content (photo, audio, video or PDF on the allow-list).
 */
export const MAX_PIECE = 1024 * 1024;
export const CONTENT = 'content';
const TABLE = 'uploads';

export const store = (ctx: AppContext) => new FileStore(ctx.config.dataDir);
export const keyOf = (ctx: AppContext, r: Pick<UploadsTable, 'id' | 'dek'>) =>
  envelope(ctx).openRecordKey(TABLE, r.id, r.dek);

async function own(ctx: AppContext, actor: Actor | null, id: string): Promise<UploadsTable> {
  requireCap(actor, 'monitoring.submit');
  const r = await ctx.db
    .selectFrom('uploads')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', actor.userId)
    .executeTakeFirst();
  if (!r) throw new AppError('uploads.not_found');
  return r;
}

export async function createUpload(
  ctx: AppContext,
  actor: Actor | null,
  input: { clientId: string; size: number; sha256: string; name?: string | undefined },
): Promise<{ id: string; received: number; created: boolean }> {
  requireCap(actor, 'monitoring.submit');
  if (input.size > ctx.config.maxUploadBytes) throw new AppError('uploads.too_large');
  const find = () =>
    ctx.db
      .selectFrom('uploads')
      .select(['id', 'received'])
      .where('user_id', '=', actor.userId)
      .where('client_id', '=', input.clientId)
      .executeTakeFirst();
  const seen = await find();
  if (seen) return { id: seen.id, received: Number(seen.received), created: false };
  await checkUploadBudget(ctx, actor.userId, input.size);
  const id = uuidv7();
  const { key, wrapped } = envelope(ctx).newRecordKey(TABLE, id);
  const now = new Date().toISOString();
  const made = await inTx(ctx, async (tx, audit) => {
    const r = await tx
      .insertInto('uploads')
      .values({
        id,
        client_id: input.clientId,
        user_id: actor.userId,
        dek: wrapped,
        name_enc: key.encrypt('name', input.name ?? null),
        size: input.size,
        sha256: input.sha256.toLowerCase(),
        received: 0,
        complete: 0,
        mime: null,
        storage_key: null,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.columns(['user_id', 'client_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (r)
      await audit({
        actorId: actor.userId,
        action: 'monitoring.upload_create',
        entityType: 'upload',
        entityId: id,
      });
    return r !== undefined;
  });
  if (made) return { id, received: 0, created: true };
  const again = (await find())!;
  return { id: again.id, received: Number(again.received), created: false };
}

export async function uploadStatus(ctx: AppContext, actor: Actor | null, id: string) {
  let r = await own(ctx, actor, id);
  if (!r.complete && Number(r.received) === Number(r.size)) r = await finish(ctx, r);
  return { received: Number(r.received), size: Number(r.size), complete: r.complete === 1 };
}

export async function putPiece(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  offset: number,
  body: Buffer,
): Promise<{ received: number; complete: boolean }> {
  const r = await own(ctx, actor, id);
  const received = Number(r.received);
  if (r.complete) return { received, complete: true };
  if (offset !== received) throw new AppError('uploads.offset_mismatch', { details: { received } });
  if (body.length > MAX_PIECE || received + body.length > Number(r.size))
    throw new AppError('uploads.too_large');
  let row = r;
  if (body.length > 0) {
    const key = keyOf(ctx, r);
    const piece = await store(ctx).write(key, `part:${offset}`, once(body), {
      maxBytes: MAX_PIECE,
      tooLarge: () => new AppError('uploads.too_large'),
    });
    const ok = await inTx(ctx, async (tx, audit) => {
      // Only the request that finds the offset unchanged may add its piece (two tabs, one upload).
      const u = await tx
        .updateTable('uploads')
        .set({ received: received + body.length, updated_at: new Date().toISOString() })
        .where('id', '=', id)
        .where('received', '=', received)
        .executeTakeFirst();
      if (Number(u.numUpdatedRows) !== 1) return false;
      await tx
        .insertInto('upload_parts')
        .values({ upload_id: id, start_at: offset, size: body.length, storage_key: piece.storageKey })
        .execute();
      await audit({
        actorId: actor!.userId,
        action: 'monitoring.upload_piece',
        entityType: 'upload',
        entityId: id,
        details: { offset, size: body.length },
      });
      return true;
    });
    if (!ok) {
      await store(ctx).remove(piece.storageKey);
      const now = await own(ctx, actor, id);
      throw new AppError('uploads.offset_mismatch', { details: { received: Number(now.received) } });
    }
    row = { ...r, received: received + body.length };
  }
  if (Number(row.received) === Number(row.size)) row = await finish(ctx, row);
  return { received: Number(row.received), complete: row.complete === 1 };
}

async function* once(b: Buffer) {
  yield b;
}

async function* joined(fs: FileStore, key: RecordKey, parts: { start_at: number; storage_key: string }[]) {
  for (const p of parts) yield* fs.read(key, `part:${p.start_at}`, p.storage_key);
}

/** Join the pieces into one encrypted file; a wrong checksum or a refused type starts the upload over. */
async function finish(ctx: AppContext, r: UploadsTable): Promise<UploadsTable> {
  const fs = store(ctx);
  const key = keyOf(ctx, r);
  const parts = await ctx.db
    .selectFrom('upload_parts')
    .select(['start_at', 'size', 'storage_key'])
    .where('upload_id', '=', r.id)
    .orderBy('start_at')
    .execute();
  const head: Buffer[] = [];
  let headLen = 0;
  async function* tap() {
    for await (const c of joined(fs, key, parts)) {
      if (headLen < SNIFF_BYTES) {
        head.push(c);
        headLen += c.length;
      }
      yield c;
    }
  }
  const file = await fs.write(key, CONTENT, tap(), {
    maxBytes: Number(r.size),
    tooLarge: () => new AppError('uploads.too_large'),
  });
  const name = key.decrypt('name', r.name_enc) ?? '';
  const first = Buffer.concat(head).subarray(0, SNIFF_BYTES);
  const decision = name ? decideType(name, undefined, first, file.size <= SNIFF_BYTES) : null;
  const kind = decision ? (decision.ok ? decision.kind : null) : sniff(first, file.size <= SNIFF_BYTES);
  const bad =
    file.sha256 !== r.sha256
      ? 'uploads.integrity_failed'
      : !kind || kind === 'text'
        ? 'file.type_not_allowed'
        : null;
  const mime = decision?.ok ? decision.mime : kind ? `application/x-${kind}` : null;
  await inTx(ctx, async (tx, audit) => {
    await tx.deleteFrom('upload_parts').where('upload_id', '=', r.id).execute();
    await tx
      .updateTable('uploads')
      .set(
        bad
          ? { received: 0, updated_at: new Date().toISOString() }
          : { complete: 1, storage_key: file.storageKey, mime, updated_at: new Date().toISOString() },
      )
      .where('id', '=', r.id)
      .execute();
    await audit({
      actorId: r.user_id,
      action: bad ? 'monitoring.upload_refused' : 'monitoring.upload_complete',
      entityType: 'upload',
      entityId: r.id,
      details: { size: file.size },
    });
    if (!bad && isPicture(mime)) await queueUploadThumbnail(ctx, tx, r.id);
  });
  for (const p of parts) await fs.remove(p.storage_key);
  if (bad) {
    await fs.remove(file.storageKey);
    throw new AppError(bad, { details: { received: 0 } });
  }
  return { ...r, complete: 1, storage_key: file.storageKey, mime };
}

/** SHA-256 of a buffer (tests and the demo announce uploads with it). */
export const sha256Of = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * Completed uploads and their thumbnails are stored files: `ukuk files verify` re-hashes them with the
 * others (and does not call them orphans). Pieces of unfinished uploads have no known hash yet; the join checks them.
 */
registerFileOwner({
  name: TABLE,
  async *list(ctx) {
    let after = '';
    for (;;) {
      const rows = await ctx.db
        .selectFrom('uploads')
        .select(['id', 'dek', 'storage_key', 'sha256', 'size', 'thumb_key', 'thumb_sha256', 'thumb_size'])
        .where('complete', '=', 1)
        .where('id', '>', after)
        .orderBy('id')
        .limit(200)
        .execute();
      for (const r of rows) {
        yield {
          owner: TABLE,
          recordId: r.id,
          storageKey: r.storage_key!,
          field: CONTENT,
          sha256: r.sha256,
          size: Number(r.size),
          key: () => keyOf(ctx, r),
        };
        if (r.thumb_key && r.thumb_sha256)
          yield {
            owner: `${TABLE}.thumbnail`,
            recordId: r.id,
            storageKey: r.thumb_key,
            field: THUMB,
            sha256: r.thumb_sha256,
            size: Number(r.thumb_size),
            key: () => keyOf(ctx, r),
          };
      }
      if (rows.length < 200) return;
      after = rows.at(-1)!.id;
    }
  },
});
