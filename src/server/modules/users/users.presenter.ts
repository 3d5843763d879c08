import type { Envelope } from '../../platform/crypto/envelope.ts';
import type { UserRow } from './users.repo.ts';

/** Decrypted view of a user for the service layer; never sent as-is. */
export interface UserView {
  id: string;
  email: string;
  name: string;
  role: string;
  locale: string;
  status: 'invited' | 'active' | 'disabled';
  totpEnabled: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

/** A user with their phone number: the admin's list, the person's own profile, a site's contacts. */
export type UserContact = UserView & { phone: string | null };

export function decryptUser(env: Envelope, row: UserRow): UserView {
  return viewOf(row, env.openRecordKey('users', row.id, row.dek));
}

/**
 * The view plus the phone number, decrypted only where it is shown: the many name look-ups
 * (`userNames`) never open a contact field they do not need.
 */
export function decryptUserWithPhone(env: Envelope, row: UserRow): UserContact {
  const key = env.openRecordKey('users', row.id, row.dek);
  return { ...viewOf(row, key), phone: row.phone_enc ? key.decrypt('phone', row.phone_enc) : null };
}

function viewOf(row: UserRow, key: ReturnType<Envelope['openRecordKey']>): UserView {
  return {
    id: row.id,
    email: key.decrypt('email', row.email_enc),
    name: key.decrypt('name', row.name_enc),
    role: row.role,
    locale: row.locale,
    status: row.status as UserView['status'],
    totpEnabled: row.totp_enabled === 1,
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
  };
}

/** The user as the admin's user list shows it: an explicit list of fields. */
export function presentUser(u: UserContact) {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    locale: u.locale,
    status: u.status,
    totpEnabled: u.totpEnabled,
    phone: u.phone,
    lastLoginAt: u.lastLoginAt,
    createdAt: u.createdAt,
  };
}

/** A phone number as stored: trimmed, runs of spaces made one. */
export function tidyPhone(phone: string): string {
  return phone.trim().replace(/\s+/g, ' ');
}

/** The path of an invitation link (the web makes it absolute); the token is shown once, here. */
export function inviteUrlOf(token: string): string {
  return `/invite/${token}`;
}

/** One person invited from a list, with their link: an explicit list of fields. */
export function presentInvited(u: {
  id: string;
  email: string;
  name: string;
  role: string;
  inviteToken: string;
}) {
  return { id: u.id, email: u.email, name: u.name, role: u.role, inviteUrl: inviteUrlOf(u.inviteToken) };
}
