import { z } from 'zod';
import { DESCRIPTION_MAX } from '../evidence-limits.ts';
import { IsoTime, Uuid } from './common.ts';

/**
 * Evidence of violations (issue #4, item 3): files attached to an event (optionally to one of its acts
 * or a person in it) or to a person only. The original is encrypted and never replaced; its SHA-256 is
 * taken on upload and shown; images get a thumbnail with every bit of metadata stripped; PDFs have
 * their text indexed (as keyed hashes) for search. Every access is written to the custody log.
 */

export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
export const EVIDENCE_KINDS = ['image', 'video', 'audio', 'pdf', 'document', 'text'] as const;
export const CUSTODY_ACTIONS = ['upload', 'view', 'download', 'export', 'verify'] as const;
export const INTEGRITY_PROBLEMS = ['missing', 'damaged', 'mismatch'] as const;
export const VERIFY_RESULTS = ['ok', ...INTEGRITY_PROBLEMS] as const;
export { DESCRIPTION_MAX };

export const EvidenceParams = z.strictObject({ id: Uuid });

/** The text fields of the upload form besides `file` (multipart, so all strings). */
export const EvidenceUploadFields = z.strictObject({
  actId: Uuid.optional(),
  personId: Uuid.optional(),
  description: z.string().trim().max(DESCRIPTION_MAX).optional(),
});
/** Uploading to a person: no act, no second person. */
export const PersonEvidenceUploadFields = EvidenceUploadFields.pick({ description: true });

export const Evidence = z.object({
  id: Uuid,
  /** Null for evidence that belongs to a person only. */
  eventId: Uuid.nullable(),
  actId: Uuid.nullable(),
  personId: Uuid.nullable(),
  name: z.string(),
  description: z.string().nullable(),
  mime: z.string(),
  kind: z.enum(EVIDENCE_KINDS),
  size: z.number(),
  /** SHA-256 of the original as uploaded (hex). */
  sha256: Sha256,
  /** A stripped thumbnail exists (`GET /api/violations/evidence/:id/thumbnail`). */
  hasThumbnail: z.boolean(),
  /** False while the thumbnail and text index are still being made in the background. */
  derived: z.boolean(),
  /** The item's name, description and (for PDFs) text are searchable. */
  textIndexed: z.boolean(),
  verifiedAt: IsoTime.nullable(),
  verifyResult: z.enum(VERIFY_RESULTS).nullable(),
  uploadedBy: Uuid,
  uploadedByName: z.string(),
  uploadedAt: IsoTime,
});
export const EvidenceList = z.object({ items: z.array(Evidence) });

export const CustodyEntry = z.object({
  id: Uuid,
  at: IsoTime,
  /** Null when the command line did it (`ukuk evidence verify`). */
  userId: Uuid.nullable(),
  userName: z.string().nullable(),
  action: z.enum(CUSTODY_ACTIONS),
  /** `metadata` | `thumbnail` | `list` for views; the verification result for verify. */
  result: z.string().nullable(),
});
export const CustodyList = z.object({ items: z.array(CustodyEntry) });

export const EvidenceVerifyReply = z.object({
  id: Uuid,
  ok: z.boolean(),
  problem: z.enum(INTEGRITY_PROBLEMS).nullable(),
  expectedSha256: Sha256,
  actualSha256: Sha256.nullable(),
  checkedAt: IsoTime,
});

/** Re-hash of everything the actor may see (administrators: everything); mismatches by id only. */
export const EvidenceVerifyAllReply = z.object({
  checked: z.number(),
  ok: z.number(),
  bad: z.array(z.object({ id: Uuid, eventId: Uuid.nullable(), problem: z.enum(INTEGRITY_PROBLEMS) })),
  checkedAt: IsoTime,
});

/** What kind of evidence a stored type is, for icons and players in the web app. */
export function evidenceKind(mime: string): (typeof EVIDENCE_KINDS)[number] {
  if (mime.startsWith('image/')) return 'image';
  if (mime.startsWith('video/')) return 'video';
  if (mime.startsWith('audio/')) return 'audio';
  if (mime === 'application/pdf') return 'pdf';
  if (mime.startsWith('text/')) return 'text';
  return 'document';
}
