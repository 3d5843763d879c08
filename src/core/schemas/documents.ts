import { z } from 'zod';
import { IsoTime, Uuid } from './common.ts';

/** Case documents (issue #3, item 5): versioned, encrypted at rest, with the SHA-256 of each upload. */

export { UPLOAD_EXTENSIONS } from '../upload-types.ts';

export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const DocumentParams = z.strictObject({ id: Uuid });
export const DocumentItemParams = z.strictObject({ id: Uuid, docId: Uuid });
/** The text fields of the upload form besides `file`: `groupId` adds a new version to a document. */
export const UploadFields = z.strictObject({ groupId: Uuid.optional() });

export const DocumentVersion = z.object({
  id: Uuid,
  /** Shared by every version of one document (the id of its first version). */
  groupId: Uuid,
  version: z.number(),
  name: z.string(),
  mime: z.string(),
  size: z.number(),
  sha256: Sha256,
  uploadedBy: Uuid,
  uploadedByName: z.string(),
  uploadedAt: IsoTime,
});
export const DocumentSummary = DocumentVersion.extend({ versionCount: z.number() });

export const DocumentList = z.object({ items: z.array(DocumentSummary) });
export const DocumentVersions = z.object({ items: z.array(DocumentVersion) });

export const UploadReply = z.object({
  id: Uuid,
  groupId: Uuid,
  version: z.number(),
  name: z.string(),
  mime: z.string(),
  size: z.number(),
  sha256: Sha256,
});

export const VerifyReply = z.object({
  id: Uuid,
  ok: z.boolean(),
  /** What went wrong: the file is gone, cannot be decrypted (altered or cut), or hashes differently. */
  problem: z.enum(['missing', 'damaged', 'mismatch']).nullable(),
  expectedSha256: Sha256,
  actualSha256: Sha256.nullable(),
  checkedAt: IsoTime,
});
