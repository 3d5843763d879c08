import { api } from '../../api/client';
import type { Locale } from '../../i18n';

export interface SetupInput {
  orgName: string;
  defaultLocale: Locale;
  adminName: string;
  adminEmail: string;
  adminPassword: string;
}

/** First-run wizard endpoint: creates the organisation and its first admin. */
export const setupApi = {
  create: (input: SetupInput) => api.post<{ next: 'totp_enroll' }>('/api/setup', input),
};
