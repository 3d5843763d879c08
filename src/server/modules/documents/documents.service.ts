import { uuidv7 } from '../../../core/ids.ts';
import { UploadFields } from '../../../core/schemas/documents.ts';
import type { Actor } from '../../platform/access/policy.ts';
import { auditNow, envelope, inTx, type AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { ReceivedUpload, UploadSink } from '../../platform/files/upload.ts';
import { FileStore } from '../../platform/files/store.ts';
import { loadCase } from '../cases/cases.access.ts';
import { addTimeline } from '../cases/cases.timeline.ts';
import { userNames } from '../users/users.names.ts';
import { CONTENT_FIELD, documentKey, presentVersion } from './documents.presenter.ts';
import { documentsRepo, type DocumentRow } from './documents.repo.ts';

/**
 * Case documents: uploads (new documents and new versions), lists, downloads and integrity checks.
 * Need-to-know is the case's (`loadCase`): a user who may not see the case gets `case.not_found` for
 * every document route, exactly as for a missing case; uploading needs a team role (grants read only).
 */

export function fileStore(ctx: AppContext): FileStore {
  return new FileStore(ctx.config.dataDir);
}

/** Receives the request's file into the sink the service prepared (the route's multipart reader). */
export type Receive = (sink: UploadSink) => Promise<ReceivedUpload>;

const ATTEMPTS = 3;

function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * Store an upload as a new document, or as the next version of the document `groupId` names (any of
 * its versions' ids). The file is encrypted under the new row's own data key while it streams; if the
 * row cannot be written, the file is removed again.
 */
export async function uploadDocument(ctx: AppContext, actor: Actor | null, caseId: string, receive: Receive) {
  await loadCase(ctx, actor, caseId, 'edit');
  const id = uuidv7();
  const { key, wrapped } = envelope(ctx).newRecordKey('case_documents', id);
  const store = fileStore(ctx);
  const up = await receive({ store, key, field: CONTENT_FIELD, maxBytes: ctx.config.maxUploadBytes });
  try {
    const fields = UploadFields.safeParse(up.fields);
    if (!fields.success)
      throw new AppError('validation.failed', { fields: [{ path: 'groupId', code: 'invalid_format' }] });
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await inTx(ctx, async (tx, audit) => {
          await loadCase(ctx, actor, caseId, 'edit', tx);
          let groupId = id;
          let version = 1;
          if (fields.data.groupId) {
            const base = await documentsRepo.byIdInCase(tx, caseId, fields.data.groupId);
            if (!base) throw new AppError('document.not_found');
            groupId = base.group_id;
            version = (await documentsRepo.maxVersion(tx, groupId)) + 1;
          }
          await documentsRepo.insert(tx, {
            id,
            case_id: caseId,
            group_id: groupId,
            version,
            dek: wrapped,
            name_enc: key.encrypt('name', up.name),
            mime: up.mime,
            size: up.size,
            sha256: up.sha256,
            storage_key: up.storageKey,
            uploaded_by: actor!.userId,
            uploaded_at: new Date().toISOString(),
          });
          await addTimeline(tx, caseId, actor!.userId, 'document.uploaded', id, { version });
          await audit({
            actorId: actor!.userId,
            action: 'document.upload',
            entityType: 'case_document',
            entityId: id,
            details: { caseId, groupId, version },
          });
          return { id, groupId, version, name: up.name, mime: up.mime, size: up.size, sha256: up.sha256 };
        });
      } catch (e) {
        // Two new versions of one document at once: the second takes the next number.
        if (attempt < ATTEMPTS && isUniqueViolation(e)) continue;
        throw e;
      }
    }
  } catch (e) {
    await store.remove(up.storageKey);
    throw e;
  }
}

/** The latest version of each document of a case, with how many versions it has; newest first. */
export async function listDocuments(ctx: AppContext, actor: Actor | null, caseId: string) {
  await loadCase(ctx, actor, caseId);
  const rows = await documentsRepo.listForCase(ctx.db, caseId);
  const latest = new Map<string, { row: DocumentRow; count: number }>();
  for (const r of rows) latest.set(r.group_id, { row: r, count: (latest.get(r.group_id)?.count ?? 0) + 1 });
  const items = [...latest.values()].sort((a, b) => (a.row.uploaded_at < b.row.uploaded_at ? 1 : -1));
  const env = envelope(ctx);
  const names = await userNames(
    ctx,
    items.map((i) => i.row.uploaded_by),
  );
  await auditNow(ctx, {
    actorId: actor!.userId,
    action: 'case.documents_read',
    entityType: 'case',
    entityId: caseId,
  });
  return items.map((i) => ({ ...presentVersion(env, i.row, names), versionCount: i.count }));
}

async function loadDocument(ctx: AppContext, actor: Actor | null, caseId: string, docId: string) {
  await loadCase(ctx, actor, caseId);
  const row = await documentsRepo.byIdInCase(ctx.db, caseId, docId);
  if (!row) throw new AppError('document.not_found');
  return row;
}

/** Every version of the document `docId` belongs to, newest first. */
export async function listVersions(ctx: AppContext, actor: Actor | null, caseId: string, docId: string) {
  const row = await loadDocument(ctx, actor, caseId, docId);
  const rows = await documentsRepo.versions(ctx.db, caseId, row.group_id);
  const names = await userNames(
    ctx,
    rows.map((r) => r.uploaded_by),
  );
  const env = envelope(ctx);
  await auditNow(ctx, {
    actorId: actor!.userId,
    action: 'case.documents_read',
    entityType: 'case',
    entityId: caseId,
    details: { groupId: row.group_id },
  });
  return rows.map((r) => presentVersion(env, r, names));
}

/**
 * Open one version for download. The whole file is decrypted and re-hashed first, so a damaged or
 * altered file is refused with a clear error instead of a broken download; then the download is
 * audited and put on the case timeline, and the plaintext is streamed (authenticated again, chunk by
 * chunk, as it goes out).
 */
export async function openDownload(ctx: AppContext, actor: Actor | null, caseId: string, docId: string) {
  const row = await loadDocument(ctx, actor, caseId, docId);
  const key = documentKey(envelope(ctx), row);
  const store = fileStore(ctx);
  const check = await store.verify(key, CONTENT_FIELD, row.storage_key, row);
  if (!check.ok) {
    await auditNow(ctx, {
      actorId: actor!.userId,
      action: 'document.integrity_failed',
      entityType: 'case_document',
      entityId: row.id,
      details: { caseId, problem: check.problem },
    });
    ctx.log.error(
      { documentId: row.id, problem: check.problem },
      'stored document failed its integrity check',
    );
    throw new AppError('file.integrity_failed');
  }
  await inTx(ctx, async (tx, audit) => {
    await addTimeline(tx, caseId, actor!.userId, 'document.downloaded', row.id, { version: row.version });
    await audit({
      actorId: actor!.userId,
      action: 'document.download',
      entityType: 'case_document',
      entityId: row.id,
      details: { caseId, groupId: row.group_id, version: Number(row.version) },
    });
  });
  return {
    name: key.decrypt('name', row.name_enc),
    mime: row.mime,
    size: Number(row.size),
    body: store.read(key, CONTENT_FIELD, row.storage_key),
  };
}

/** Decrypt and re-hash one version and compare with the SHA-256 taken at upload; audited either way. */
export async function verifyDocument(ctx: AppContext, actor: Actor | null, caseId: string, docId: string) {
  const row = await loadDocument(ctx, actor, caseId, docId);
  const r = await fileStore(ctx).verify(documentKey(envelope(ctx), row), CONTENT_FIELD, row.storage_key, row);
  await auditNow(ctx, {
    actorId: actor!.userId,
    action: 'document.verify',
    entityType: 'case_document',
    entityId: row.id,
    details: { caseId, ok: r.ok, problem: r.ok ? null : r.problem },
  });
  return {
    id: row.id,
    ok: r.ok,
    problem: r.ok ? null : r.problem,
    expectedSha256: row.sha256,
    actualSha256: r.sha256,
    checkedAt: new Date().toISOString(),
  };
}
