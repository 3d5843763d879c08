import { z } from 'zod';
import { Email, IsoTime, LocaleSchema, NewPassword, Password, PersonName, RoleSchema } from './common.ts';

/**
 * A phone number as people write it: an optional +, then 6 to 15 digits (E.164's most) with spaces,
 * dashes or brackets between them. Kept as typed (spaces tidied); `telHref` makes the dialable form.
 */
export const PhoneNumber = z
  .string()
  .trim()
  .max(30)
  .regex(/^\+?[ (]*(?:[0-9][ ()-]*){5,14}[0-9]$/);

export const UserOut = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.string(),
  locale: z.string(),
  status: z.enum(['invited', 'active', 'disabled']),
  totpEnabled: z.boolean(),
  lastLoginAt: IsoTime.nullable(),
  createdAt: IsoTime,
  phone: z.string().nullable(),
});
export const UserList = z.object({ items: z.array(UserOut) });
export const InviteBody = z.strictObject({
  email: Email,
  name: PersonName,
  role: RoleSchema,
  locale: LocaleSchema,
});
export const InviteReply = z.object({
  id: z.string(),
  inviteUrl: z.string(),
  pendingApprovalId: z.string().nullable(),
});
/** A list of people to invite (CSV: email, name, role, language, phone); the service checks each line. */
export const UsersImportBody = z.strictObject({ csv: z.string().max(500_000) });
/** The invited, each with the invitation link to pass on: shown once, never stored in the clear. */
export const UsersImportReply = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      email: z.string(),
      name: z.string(),
      role: z.string(),
      inviteUrl: z.string(),
    }),
  ),
});
/** A user after a change; `pendingApprovalId` is set when granting admin waits for a second admin. */
export const UserPatchReply = UserOut.extend({ pendingApprovalId: z.string().nullable() });
export const UserPatch = z.strictObject({
  role: RoleSchema.optional(),
  status: z.enum(['active', 'disabled']).optional(),
  /** null removes it. */
  phone: PhoneNumber.nullable().optional(),
});

/** Which alerts also come by e-mail; the bell notice is written either way. */
export const EmailAlerts = z.strictObject({
  reminders: z.boolean(),
  critical: z.boolean(),
  /** Reports given to them for review. */
  assigned: z.boolean(),
});
export const MeOut = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.string(),
  locale: z.string(),
  capabilities: z.array(z.string()),
  org: z.object({
    name: z.string().nullable(),
    defaultLocale: LocaleSchema,
    demo: z.boolean(),
    /** This server can send e-mail (SMTP is configured); without it, alerts reach the bell only. */
    mail: z.boolean(),
  }),
  emailAlerts: EmailAlerts,
  /** Shown to the coordinators of the missions the person observes in (to reach them on the day). */
  phone: z.string().nullable(),
});
export const MePatch = z.strictObject({
  name: PersonName.optional(),
  phone: PhoneNumber.nullable().optional(),
  locale: LocaleSchema.optional(),
  emailAlerts: EmailAlerts.partial().strict().optional(),
});
export const PasswordChange = z.strictObject({ currentPassword: Password, newPassword: NewPassword });
export const SessionList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      createdAt: IsoTime,
      lastSeenAt: IsoTime,
      userAgent: z.string().nullable(),
      current: z.boolean(),
    }),
  ),
});
