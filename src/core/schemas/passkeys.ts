import { z } from 'zod';
import { IsoTime } from './common.ts';

const B64Url = z
  .string()
  .max(8192)
  .regex(/^[A-Za-z0-9_-]*$/);

/** A WebAuthn credential as the browser serialises it (RegistrationResponseJSON / AuthenticationResponseJSON). */
export const CredentialJson = z.object({
  id: B64Url,
  rawId: B64Url,
  type: z.literal('public-key'),
  // Browsers also report e.g. `publicKeyAlgorithm` as a number.
  response: z.record(
    z.string(),
    z.union([z.string().max(16384), z.array(z.string().max(32)).max(10), z.number().int()]),
  ),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
});

export const PasskeyRegisterBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  credential: CredentialJson,
});
export const PasskeyList = z.object({
  items: z.array(
    z.object({ id: z.string(), name: z.string(), createdAt: IsoTime, lastUsedAt: IsoTime.nullable() }),
  ),
});
