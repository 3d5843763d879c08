/**
 * Sends the outbox: media first (resumable, by chunks), then the report that references them. Every
 * report carries its clientId, so a retry after a lost answer, a replay or a second tab stores it once
 * (the server answers 200 with the same id). Network-free logic: the transport is passed in.
 */
import type { Answers } from '../../../core/forms/types';
import { apiErrorOf } from '../../api/client';
import type { FieldDb, MediaItem, OutboxItem, ServerProblem } from './db';
import { LOCAL_MEDIA, dueReports, markRejected, markRetry, markSent, readAnswers, readMedia } from './outbox';

/** One HTTP answer; `status` 0 means the request never got an answer (offline, connection cut). */
export interface Reply<T = unknown> {
  status: number;
  body: T;
}

export interface Transport {
  submit(body: {
    clientId: string;
    formVersionId: string;
    siteId: string;
    answers: Answers;
    submittedAt: string;
  }): Promise<Reply>;
  uploadStart(body: { clientId: string; size: number; sha256: string; name?: string }): Promise<Reply>;
  uploadChunk(id: string, offset: number, chunk: Uint8Array): Promise<Reply>;
}

export const CHUNK = 1024 * 1024;

/**
 * Runs `run` while no other tab of this browser sends the outbox (Web Locks), nor changes its keys;
 * without Web Locks at once (the server's clientId check makes a race harmless anyway).
 */
export async function outboxExclusive<T>(run: () => Promise<T>): Promise<T> {
  return navigator.locks ? await navigator.locks.request('ukuk-field-sync', run) : await run();
}

export interface SyncResult {
  sent: number;
  rejected: number;
  retry: number;
  /** The session ended (401): the observer must log in again; nothing was marked failed for it. */
  needsLogin: boolean;
}

/** The server's error body, as the outbox keeps it to show the observer (read like every screen's). */
export function problemOf(reply: Reply): ServerProblem {
  const e = apiErrorOf(reply.status, reply.body);
  const details = e.details.flatMap((d) =>
    d.path === undefined ? [] : [{ path: d.path, code: d.code, ...(d.params ? { params: d.params } : {}) }],
  );
  return {
    status: reply.status,
    code: e.code,
    message: e.message,
    ...(details.length ? { details } : {}),
    ...(Object.keys(e.params).length ? { params: e.params } : {}),
  };
}

/** Refusals a retry cannot fix; everything else (network, 5xx, 429, 423) is retried with backoff. */
function isFinal(status: number): boolean {
  return (
    status === 400 || status === 403 || status === 404 || status === 409 || status === 413 || status === 422
  );
}

class StopSync extends Error {
  constructor(readonly reply: Reply) {
    super('stop');
  }
}

/** Where a 409 `uploads.offset_mismatch` says the server stands (`error.details.received`). */
function receivedOf(body: unknown): number | undefined {
  const b = body as {
    received?: unknown;
    error?: { received?: unknown; details?: { received?: unknown } };
  } | null;
  const v = b?.error?.details?.received ?? b?.error?.received ?? b?.received;
  return typeof v === 'number' ? v : undefined;
}

/** Uploads one media item from where the server says it stopped; returns the upload id. */
async function upload(db: FieldDb, t: Transport, media: MediaItem): Promise<string> {
  const start = await t.uploadStart({
    clientId: media.id,
    size: media.size,
    sha256: media.sha256,
    name: media.name,
  });
  if (start.status !== 200 && start.status !== 201) throw new StopSync(start);
  const { id } = start.body as { id: string; received: number };
  let received = (start.body as { received: number }).received;
  if (media.uploadId !== id) await db.media.update(media.id, { uploadId: id });
  if (received < media.size) {
    const bytes = await readMedia(db, media);
    while (received < media.size) {
      const r = await t.uploadChunk(
        id,
        received,
        bytes.subarray(received, Math.min(received + CHUNK, media.size)),
      );
      if (r.status === 409) {
        // The server holds a different amount (an earlier chunk did arrive): go on from there.
        const at = receivedOf(r.body);
        if (typeof at !== 'number') throw new StopSync(r);
        received = at;
        continue;
      }
      if (r.status !== 200) throw new StopSync(r);
      received = (r.body as { received: number }).received;
    }
  }
  return id;
}

/** Replaces every `local-<id>` answer (also inside repeat groups) with the upload id. */
async function withUploads(db: FieldDb, t: Transport, value: unknown): Promise<unknown> {
  if (typeof value === 'string' && value.startsWith(LOCAL_MEDIA)) {
    const media = await db.media.get(value.slice(LOCAL_MEDIA.length));
    if (!media) return value; // Lost locally: the server will name the field.
    return upload(db, t, media);
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const v of value) out.push(await withUploads(db, t, v));
    return out;
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = await withUploads(db, t, v);
    return out;
  }
  return value;
}

async function sendOne(db: FieldDb, t: Transport, item: OutboxItem): Promise<Reply> {
  const answers = await readAnswers(db, item);
  if (!answers) return { status: 0, body: null };
  const resolved = (await withUploads(db, t, answers)) as Answers;
  return t.submit({
    clientId: item.clientId,
    formVersionId: item.formVersionId,
    siteId: item.siteId,
    answers: resolved,
    submittedAt: item.submittedAt,
  });
}

/** One pass over the reports whose turn has come. */
export async function syncOnce(
  db: FieldDb,
  t: Transport,
  opts: { force?: boolean; now?: number } = {},
): Promise<SyncResult> {
  const result: SyncResult = { sent: 0, rejected: 0, retry: 0, needsLogin: false };
  for (const item of await dueReports(db, opts.now ?? Date.now(), opts.force)) {
    let reply: Reply;
    try {
      reply = await sendOne(db, t, item);
    } catch (e) {
      reply = e instanceof StopSync ? e.reply : { status: 0, body: null };
    }
    if (reply.status === 200 || reply.status === 201) {
      await markSent(db, item.clientId, (reply.body as { id: string }).id);
      result.sent += 1;
    } else if (reply.status === 401) {
      result.needsLogin = true;
      return result; // Every later report would get the same answer; keep them as they are.
    } else if (isFinal(reply.status)) {
      await markRejected(db, item.clientId, problemOf(reply));
      result.rejected += 1;
    } else {
      await markRetry(db, item.clientId, reply.status === 0 ? null : problemOf(reply));
      result.retry += 1;
      if (reply.status === 0) return result; // Offline: the rest would fail the same way.
    }
  }
  return result;
}
