import { z } from 'zod';
import { Email, IsoTime, LocaleSchema, NewPassword, Password, PersonName, TotpCode } from './common.ts';

export const LoginBody = z.strictObject({ email: Email, password: Password });
export const LoginReply = z.object({
  next: z.enum(['totp', 'totp_enroll']),
  passkey: z.boolean().optional(),
});
export const TotpBody = z
  .strictObject({ code: TotpCode.optional(), recoveryCode: z.string().min(8).max(40).optional() })
  .refine((b) => Boolean(b.code) !== Boolean(b.recoveryCode), {
    message: 'code or recoveryCode',
    path: ['code'],
  });
export const EnrollInfo = z.object({ secret: z.string(), otpauthUri: z.string(), qrSvg: z.string() });
export const EnrollBody = z.strictObject({ code: TotpCode });
export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
export const ReauthBody = z.strictObject({ password: Password, code: TotpCode });
export const ReauthReply = z.object({ ok: z.literal(true), until: IsoTime });
export const CsrfReply = z.object({ token: z.string() });
export const InviteInfo = z.object({ email: z.string(), name: z.string() });
export const InviteAcceptBody = z.strictObject({ name: PersonName, password: NewPassword });
export const SetupStatus = z.object({
  needsSetup: z.boolean(),
  orgName: z.string().nullable(),
  defaultLocale: LocaleSchema,
});
export const SetupBody = z.strictObject({
  orgName: z.string().trim().min(1).max(200),
  defaultLocale: LocaleSchema,
  adminName: PersonName,
  adminEmail: Email,
  adminPassword: NewPassword,
});
