import { api } from '../../api/client';
import type { Locale } from '../../i18n';

export type NextStep = 'totp' | 'totp_enroll';

export interface Me {
  id: string;
  email: string;
  name: string;
  role: string;
  locale: Locale;
  capabilities: string[];
  org: { name: string; defaultLocale: Locale; demo: boolean; mail: boolean };
  emailAlerts: EmailAlerts;
  /** Seen by the coordinators of the missions the person observes in. */
  phone: string | null;
}

/** Which alerts also come by e-mail (the bell has them either way). */
export interface EmailAlerts {
  reminders: boolean;
  critical: boolean;
  /** Reports given to them for review. */
  assigned: boolean;
}

export interface Enrollment {
  secret: string;
  otpauthUri: string;
  qrSvg: string;
}

export interface Invite {
  email: string;
  name: string;
}

/** Authentication endpoints: login, TOTP, enrolment, re-auth, invites and the current user. */
export const authApi = {
  login: (email: string, password: string) =>
    api.post<{ next: NextStep; passkey?: boolean }>('/api/auth/login', { email, password }),
  totp: (code: string) => api.post<{ ok: true }>('/api/auth/totp', { code }),
  recovery: (recoveryCode: string) => api.post<{ ok: true }>('/api/auth/totp', { recoveryCode }),
  enrollment: () => api.get<Enrollment>('/api/auth/totp/enroll'),
  enroll: (code: string) => api.post<{ recoveryCodes: string[] }>('/api/auth/totp/enroll', { code }),
  logout: () => api.post<{ ok: true }>('/api/auth/logout'),
  logoutAll: () => api.post<{ ok: true }>('/api/auth/logout-all'),
  reauth: (password: string, code: string) =>
    api.post<{ ok: true; until: string }>('/api/auth/reauth', { password, code }),
  invite: (token: string) => api.get<Invite>(`/api/invite/${encodeURIComponent(token)}`),
  acceptInvite: (token: string, name: string, password: string) =>
    api.post<{ next: NextStep }>(`/api/invite/${encodeURIComponent(token)}`, { name, password }),
  me: () => api.get<Me>('/api/me'),
  updateMe: (patch: {
    name?: string;
    locale?: Locale;
    phone?: string | null;
    emailAlerts?: Partial<EmailAlerts>;
  }) => api.patch<Me>('/api/me', patch),
};
