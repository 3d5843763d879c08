import { z } from 'zod';
import { IsoTime, Uuid } from './common.ts';

export const Health = z.object({
  status: z.literal('ok'),
  database: z.enum(['sqlite', 'postgres']),
  sealed: z.boolean(),
  sealMode: z.enum(['keyfile', 'passphrase']).nullable(),
});
export const UnsealBody = z.strictObject({ passphrase: z.string().min(1).max(1024) });

export const AuditQuery = z.strictObject({
  action: z.string().max(100).optional(),
  actorId: Uuid.optional(),
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(100).optional(),
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  cursor: z
    .string()
    .regex(/^\d{1,15}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export const AuditItem = z.object({
  seq: z.number(),
  at: IsoTime,
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export const AuditPage = z.object({ items: z.array(AuditItem), nextCursor: z.string().nullable() });
export const AuditVerify = z.object({
  ok: z.boolean(),
  checked: z.number(),
  firstBad: z.object({ seq: z.number(), reason: z.string() }).nullable(),
});
