import { evidenceKind, type VERIFY_RESULTS } from '../../../core/schemas/evidence.ts';
import type { Envelope, RecordKey } from '../../platform/crypto/envelope.ts';
import type { EvidenceRow } from './evidence.repo.ts';

/** Fields of an item's data key: the original file, its thumbnail, and the encrypted columns. */
export const CONTENT_FIELD = 'content';
export const THUMB_FIELD = 'thumbnail';
export const TABLE = 'vio_evidence';

export function evidenceKey(env: Envelope, row: Pick<EvidenceRow, 'id' | 'dek'>): RecordKey {
  return env.openRecordKey(TABLE, row.id, row.dek);
}

/** One item as the API shows it: an explicit list of fields, name and description decrypted. */
export function presentEvidence(env: Envelope, row: EvidenceRow, names: Map<string, string>) {
  const key = evidenceKey(env, row);
  return {
    id: row.id,
    eventId: row.event_id,
    actId: row.act_id,
    personId: row.person_id,
    name: key.decrypt('name', row.name_enc),
    description: key.decrypt('description', row.description_enc),
    mime: row.mime,
    kind: evidenceKind(row.mime),
    size: Number(row.size),
    sha256: row.sha256,
    hasThumbnail: row.thumb_key !== null,
    derived: row.derived_at !== null,
    textIndexed: Number(row.text_indexed) === 1,
    verifiedAt: row.verified_at,
    verifyResult: row.verify_result as (typeof VERIFY_RESULTS)[number] | null,
    uploadedBy: row.uploaded_by,
    uploadedByName: names.get(row.uploaded_by) ?? '—',
    uploadedAt: row.uploaded_at,
  };
}
