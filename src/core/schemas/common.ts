import { z } from 'zod';
import { LOCALES, ROLES } from '../roles.ts';

export const Email = z
  .string()
  .trim()
  .min(3)
  .max(254)
  .regex(/^[^\s@]+@[^\s@]+$/);
// Password limits: policy (length, common list) is checked on the server with a named-field error.
export const Password = z.string().min(1).max(256);
export const NewPassword = z.string().min(12).max(256);
export const PersonName = z.string().trim().min(1).max(200);
export const LocaleSchema = z.enum(LOCALES);
export const RoleSchema = z.enum(ROLES);
export const Uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
export const TotpCode = z.string().regex(/^\d{6}$/);
export const Ok = z.object({ ok: z.literal(true) });
export const IsoTime = z.string();

/** The error envelope every failing request answers with. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional(),
    retryAfterSeconds: z.number().optional(),
  }),
});
