import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/browser';
import { api } from '../../api/client';

export interface Passkey {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** The signed-in person's passkeys, and the passkey alternative to the TOTP login step. */
export const passkeysApi = {
  list: () => api.get<{ items: Passkey[] }>('/api/me/passkeys'),
  registrationOptions: () => api.post<PublicKeyCredentialCreationOptionsJSON>('/api/me/passkeys/options'),
  register: (name: string, credential: RegistrationResponseJSON) =>
    api.post<{ id: string }>('/api/me/passkeys', { name, credential }),
  remove: (id: string) => api.del<{ ok: true }>(`/api/me/passkeys/${encodeURIComponent(id)}`),
  loginOptions: () => api.post<PublicKeyCredentialRequestOptionsJSON>('/api/auth/passkey/options'),
  login: (credential: AuthenticationResponseJSON) =>
    api.post<{ ok: true }>('/api/auth/passkey', { credential }),
};
