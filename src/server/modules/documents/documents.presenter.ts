import type { Envelope, RecordKey } from '../../platform/crypto/envelope.ts';
import type { DocumentRow } from './documents.repo.ts';

/** The field of a document row's data key that encrypts the file content (AAD binds it). */
export const CONTENT_FIELD = 'content';

export function documentKey(env: Envelope, row: Pick<DocumentRow, 'id' | 'dek'>): RecordKey {
  return env.openRecordKey('case_documents', row.id, row.dek);
}

/** One version as the API shows it: an explicit list of fields, the name decrypted. */
export function presentVersion(env: Envelope, row: DocumentRow, names: Map<string, string>) {
  return {
    id: row.id,
    groupId: row.group_id,
    version: Number(row.version),
    name: documentKey(env, row).decrypt('name', row.name_enc),
    mime: row.mime,
    size: Number(row.size),
    sha256: row.sha256,
    uploadedBy: row.uploaded_by,
    uploadedByName: names.get(row.uploaded_by) ?? '—',
    uploadedAt: row.uploaded_at,
  };
}
