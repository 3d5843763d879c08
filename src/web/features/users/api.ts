import { api } from '../../api/client';
import type { Locale } from '../../i18n';

import type { Role } from '../../../core/roles';

export { ROLES, type Role } from '../../../core/roles';
export type UserStatus = 'invited' | 'active' | 'disabled';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  status: UserStatus;
  totpEnabled: boolean;
  phone: string | null;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface InviteInput {
  email: string;
  name: string;
  role: Role;
  locale: Locale;
}

/**
 * Granting the administrator role waits for a second administrator (four-eyes) when one exists:
 * then `pendingApprovalId` is set and the role has not changed yet.
 */
export interface PendingApproval {
  pendingApprovalId: string | null;
}

export interface InviteReply extends PendingApproval {
  id: string;
  inviteUrl: string;
}

/** One person invited from a list, with the path of their invitation link (shown once). */
export interface ImportedUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  inviteUrl: string;
}

/** The only kind of approval this UI knows how to describe. */
export const GRANT_ADMIN = 'user.grant_admin';
/** An export with names waiting for a second administrator (four-eyes). */
export const EXPORT_NAMES = 'export.names';
/** A rejected monitoring report to be erased for good; approving erases it (review.erase.ts). */
export const ERASE_REPORT = 'monitoring.erase';
/** A selection of rejected reports to be erased under one approval (review.erase-many.ts). */
export const ERASE_REPORTS = 'monitoring.erase_many';

/** A change waiting for a second administrator (pending only). */
export interface Approval {
  id: string;
  kind: string;
  targetId: string;
  targetName: string;
  requestedBy: string;
  requestedByName: string;
  requestedAt: string;
  /** The current user asked for it: they may withdraw it but not approve it. */
  mine: boolean;
  /** A request about a selection: how many records it names. */
  count?: number;
}

/** Admin user management endpoints. */
export const usersApi = {
  list: () => api.get<{ items: User[] }>('/api/users'),
  invite: (input: InviteInput) => api.post<InviteReply>('/api/users', input),
  /** Invite everyone on a CSV list; asks for re-authentication (handled by the API client). */
  importList: (csv: string) => api.post<{ items: ImportedUser[] }>('/api/users/import', { csv }),
  update: (id: string, patch: { role?: Role; status?: 'active' | 'disabled'; phone?: string | null }) =>
    api.patch<User & PendingApproval>(`/api/users/${id}`, patch),
  reset2fa: (id: string) => api.post<{ ok: true }>(`/api/users/${id}/reset-2fa`),
  endSessions: (id: string) => api.post<{ ok: true }>(`/api/users/${id}/end-sessions`),
  reinvite: (id: string) => api.post<{ inviteUrl: string }>(`/api/users/${id}/invite`),
};

/** Four-eyes approvals; approving asks for re-authentication (handled by the API client). */
export const approvalsApi = {
  list: () => api.get<{ items: Approval[] }>('/api/approvals'),
  approve: (id: string) => api.post<{ ok: true }>(`/api/approvals/${id}/approve`),
  /** Another administrator rejects, or the requester withdraws their own request. */
  reject: (id: string) => api.post<{ ok: true }>(`/api/approvals/${id}/reject`),
};

/** The invite path from the server as a full link an admin can send. */
export function absoluteInviteUrl(path: string): string {
  return new URL(path, window.location.origin).toString();
}
