import { createHash, type Hash } from 'node:crypto';
import { envelope, type AppContext } from '../../platform/context.ts';
import { FileStore } from '../../platform/files/store.ts';
import { IMAGE_TYPES, storeThumbnail } from '../../platform/files/thumbnail.ts';
import { CONTENT_FIELD, evidenceKey, THUMB_FIELD } from './evidence.presenter.ts';
import { evidenceRepo, type EvidenceRow } from './evidence.repo.ts';
import { indexEvidenceText } from './evidence.search.ts';
import { extractPdfText } from './evidence.text.ts';

/**
 * Derived copies of evidence, made by the job `evidence.derive` (payload: the item id only) so that an
 * upload answers at once and a slow or hostile file cannot hold a request:
 * - images get a thumbnail (`platform/files/thumbnail.ts`: at most 320 px, no metadata at all),
 *   stored encrypted under the item's own key; the original is never touched;
 * - the name, description and (for PDFs) the text are indexed for search as keyed hashes.
 * The original is re-hashed while it is read: a file that no longer matches its SHA-256 yields no
 * derivatives (verification reports it).
 */

/** Passes the chunks on, hashing and counting them as they go by. */
async function* hashing(source: AsyncIterable<Buffer>, hash: Hash, seen: { size: number }) {
  for await (const chunk of source) {
    hash.update(chunk);
    seen.size += chunk.length;
    yield chunk;
  }
}

function matches(row: EvidenceRow, hash: Hash, seen: { size: number }): boolean {
  return hash.digest('hex') === row.sha256 && seen.size === Number(row.size);
}

async function makeAndStoreThumbnail(ctx: AppContext, store: FileStore, row: EvidenceRow): Promise<void> {
  const stored = await storeThumbnail(
    store,
    evidenceKey(envelope(ctx), row),
    { field: CONTENT_FIELD, storageKey: row.storage_key, sha256: row.sha256, size: Number(row.size) },
    THUMB_FIELD,
  );
  if (stored === 'unreadable')
    ctx.log.warn({ evidenceId: row.id }, 'evidence original unreadable: no thumbnail');
  if (!stored || stored === 'unreadable') return;
  const set = await evidenceRepo.setThumbnail(ctx.db, row.id, {
    key: stored.storageKey,
    sha256: stored.sha256,
    size: stored.size,
  });
  if (!set) await store.remove(stored.storageKey); // another run was first
}

/** Index an item's name, description and PDF text; true when everything there is was indexed. */
export async function indexEvidence(ctx: AppContext, store: FileStore, row: EvidenceRow): Promise<boolean> {
  const key = evidenceKey(envelope(ctx), row);
  const parts = [key.decrypt('name', row.name_enc), key.decrypt('description', row.description_enc) ?? ''];
  let complete = true;
  if (row.mime === 'application/pdf') {
    const hash = createHash('sha256');
    const seen = { size: 0 };
    const r = await extractPdfText(hashing(store.read(key, CONTENT_FIELD, row.storage_key), hash, seen));
    if (r.ok && matches(row, hash, seen)) parts.push(r.text);
    else {
      complete = false;
      if (!r.ok && r.reason === 'unavailable') warnNoPdftotext(ctx);
    }
  }
  // Name to words: "протокол_допроса-2026.pdf" is found by "протокол".
  parts[0] = parts[0]!.replace(/[._-]+/g, ' ');
  await ctx.db.transaction().execute(async (tx) => {
    await indexEvidenceText(ctx, tx, row.id, parts.join('\n'));
    await evidenceRepo.setDerived(tx, row.id, row.derived_at ?? new Date().toISOString(), complete);
  });
  return complete;
}

let warned = false;
function warnNoPdftotext(ctx: AppContext): void {
  if (warned) return;
  warned = true;
  ctx.log.warn('pdftotext (poppler-utils) is not installed: PDF evidence is not searchable by content');
}

/** Make what is missing for one item; safe to run twice (the job queue delivers at least once). */
export async function deriveEvidence(ctx: AppContext, id: string): Promise<void> {
  const row = await evidenceRepo.byId(ctx.db, id);
  if (!row || row.derived_at) return;
  const store = new FileStore(ctx.config.dataDir);
  if (IMAGE_TYPES.has(row.mime) && !row.thumb_key) await makeAndStoreThumbnail(ctx, store, row);
  await indexEvidence(ctx, store, row);
}

/** Rebuild the search entries of every item (job `evidence.reindex`, after a restore). */
export async function reindexEvidence(ctx: AppContext): Promise<number> {
  const store = new FileStore(ctx.config.dataDir);
  let after: string | null = null;
  let n = 0;
  for (;;) {
    const rows = await evidenceRepo.pageVisible(ctx.db, null, after, 100);
    for (const r of rows) await indexEvidence(ctx, store, r);
    n += rows.length;
    if (rows.length < 100) return n;
    after = rows[rows.length - 1]!.id;
  }
}

export function registerEvidenceJobs(ctx: AppContext): void {
  ctx.jobs.register('evidence.derive', async (payload) => {
    const id = (payload as { id?: unknown } | null)?.id;
    if (typeof id === 'string') await deriveEvidence(ctx, id);
  });
  ctx.jobs.register('evidence.reindex', async () => {
    const n = await reindexEvidence(ctx);
    ctx.log.info({ items: n }, 'evidence search index rebuilt');
  });
}
