import { api } from '../../api/client';

export interface Session {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  userAgent: string | null;
  current: boolean;
}

/** The signed-in person's own password, recovery codes and sessions. */
export const profileApi = {
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<{ ok: true }>('/api/me/password', { currentPassword, newPassword }),
  regenerateRecoveryCodes: () => api.post<{ recoveryCodes: string[] }>('/api/me/recovery-codes'),
  sessions: () => api.get<{ items: Session[] }>('/api/me/sessions'),
  endSession: (id: string) => api.del<{ ok: true }>(`/api/me/sessions/${id}`),
};
