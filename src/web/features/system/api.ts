import { api } from '../../api/client';
import type { Locale } from '../../i18n';

export interface Health {
  status: 'ok';
  database: 'sqlite' | 'postgres';
  sealed: boolean;
  sealMode: 'keyfile' | 'passphrase' | null;
}

export interface SetupStatus {
  needsSetup: boolean;
  orgName: string | null;
  defaultLocale: Locale;
}

/** System-level endpoints: health, first-run status, seal and unseal. */
export const systemApi = {
  health: () => api.get<Health>('/api/health'),
  setupStatus: () => api.get<SetupStatus>('/api/setup/status'),
  seal: () => api.post<{ ok: true }>('/api/system/seal'),
  unseal: (passphrase: string) => api.post<{ ok: true }>('/api/system/unseal', { passphrase }),
};
