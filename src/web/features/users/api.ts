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
  lastLoginAt: string | null;
  createdAt: string;
}

export interface InviteInput {
  email: string;
  name: string;
  role: Role;
  locale: Locale;
}

/** Admin user management endpoints. */
export const usersApi = {
  list: () => api.get<{ items: User[] }>('/api/users'),
  invite: (input: InviteInput) => api.post<{ id: string; inviteUrl: string }>('/api/users', input),
  update: (id: string, patch: { role?: Role; status?: 'active' | 'disabled' }) =>
    api.patch<User>(`/api/users/${id}`, patch),
  reset2fa: (id: string) => api.post<{ ok: true }>(`/api/users/${id}/reset-2fa`),
  endSessions: (id: string) => api.post<{ ok: true }>(`/api/users/${id}/end-sessions`),
  reinvite: (id: string) => api.post<{ inviteUrl: string }>(`/api/users/${id}/invite`),
};

/** The invite path from the server as a full link an admin can send. */
export function absoluteInviteUrl(path: string): string {
  return new URL(path, window.location.origin).toString();
}
