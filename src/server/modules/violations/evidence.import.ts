import { uuidv7 } from '../../../core/ids.ts';
import type { Actor } from '../../platform/access/policy.ts';
import type { AuditEntry } from '../../platform/audit/audit.ts';
import { envelope, type AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors.ts';
import { recordCustodyTx } from './evidence.custody.ts';
import { CONTENT_FIELD, TABLE } from './evidence.presenter.ts';
import { evidenceRepo, type EvidenceRow } from './evidence.repo.ts';
import { fileStore } from './evidence.service.ts';

/** A file another module hands over as evidence of a new event (a monitoring incident's photos). */
export interface IncomingFile {
  name: string;
  mime: string;
  description: string | null;
  /** The SHA-256 the sender knows the content by: the copy must have exactly that content. */
  sha256: string;
  /** Where it came from, for the custody log (e.g. `submission:<id>`). */
  origin: string;
  body: AsyncIterable<Buffer>;
}

export interface PreparedEvidence {
  rows: Omit<EvidenceRow, 'event_id' | 'uploaded_by' | 'uploaded_at'>[];
  origins: string[];
  /** Remove the stored copies (the transaction that was to own them did not commit, or did not need them). */
  discard(): Promise<void>;
}

/**
 * Copy files into evidence before the transaction that makes their event: each is encrypted under a
 * new item's own key as it streams and must hash to what the sender knew. Nothing is recorded yet.
 */
export async function prepareEvidence(ctx: AppContext, files: IncomingFile[]): Promise<PreparedEvidence> {
  const store = fileStore(ctx);
  const rows: PreparedEvidence['rows'] = [];
  const discard = async () => {
    for (const r of rows) await store.remove(r.storage_key);
  };
  try {
    for (const f of files) {
      const id = uuidv7();
      const { key, wrapped } = envelope(ctx).newRecordKey(TABLE, id);
      const stored = await store.write(key, CONTENT_FIELD, f.body, {
        maxBytes: ctx.config.maxUploadBytes,
        tooLarge: () => new AppError('file.too_large'),
      });
      rows.push({
        id,
        act_id: null,
        person_id: null,
        dek: wrapped,
        name_enc: key.encrypt('name', f.name),
        description_enc: key.encrypt('description', f.description),
        mime: f.mime,
        size: stored.size,
        sha256: stored.sha256,
        storage_key: stored.storageKey,
        thumb_key: null,
        thumb_sha256: null,
        thumb_size: null,
        derived_at: null,
        text_indexed: 0,
        verified_at: null,
        verify_result: null,
      });
      if (stored.sha256 !== f.sha256) throw new AppError('file.integrity_failed');
    }
  } catch (e) {
    await discard();
    throw e;
  }
  return { rows, origins: files.map((f) => f.origin), discard };
}

/**
 * In the caller's transaction, once the event exists: the evidence rows, an `upload` custody entry
 * per item naming where it came from, and the job that makes thumbnails and the text index.
 */
export async function attachPreparedTx(
  ctx: AppContext,
  tx: Tx,
  audit: (e: AuditEntry) => Promise<void>,
  actor: Actor,
  eventId: string,
  p: PreparedEvidence,
): Promise<void> {
  const now = new Date().toISOString();
  for (const [i, r] of p.rows.entries()) {
    const row: EvidenceRow = { ...r, event_id: eventId, uploaded_by: actor.userId, uploaded_at: now };
    await evidenceRepo.insert(tx, row);
    await recordCustodyTx(tx, audit, actor.userId, [row], 'upload', p.origins[i]!);
    await ctx.jobs.enqueue(tx, 'evidence.derive', { id: row.id }, { uniqueKey: `evidence.derive:${row.id}` });
  }
}
