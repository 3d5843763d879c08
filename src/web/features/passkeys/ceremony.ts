import { browserSupportsWebAuthn, startAuthentication, startRegistration } from '@simplewebauthn/browser';
import { passkeysApi } from './api';

/** What went wrong on the browser's side of a passkey ceremony (server errors stay ApiErrors). */
export type PasskeyProblem = 'cancelled' | 'alreadyRegistered' | 'failed';

/** A failure of the browser or the authenticator, before anything reached the server. */
export class PasskeyBrowserError extends Error {
  constructor(
    readonly problem: PasskeyProblem,
    cause: unknown,
  ) {
    super(problem, { cause });
    this.name = 'PasskeyBrowserError';
  }
}

/**
 * True when this browser, at this address, can use passkeys at all: WebAuthn needs a secure context
 * (HTTPS, or localhost) and a domain name — a passkey cannot be bound to an IP address such as
 * 192.168.1.10, which the server would otherwise take as the relying-party ID.
 */
export function passkeysSupported(): boolean {
  const host = window.location.hostname;
  const ipAddress = /^[\d.]+$/.test(host) || host.includes(':');
  return window.isSecureContext && !ipAddress && browserSupportsWebAuthn();
}

/**
 * NotAllowedError is what browsers raise when the person closes the dialog, lets it time out, or
 * no authenticator answers: a calm "cancelled", not an alarming error.
 */
function classify(e: unknown): PasskeyBrowserError {
  const name = e instanceof Error ? e.name : '';
  const code = (e as { code?: unknown } | null)?.code;
  if (name === 'NotAllowedError' || name === 'AbortError' || code === 'ERROR_CEREMONY_ABORTED') {
    return new PasskeyBrowserError('cancelled', e);
  }
  if (code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED' || name === 'InvalidStateError') {
    return new PasskeyBrowserError('alreadyRegistered', e);
  }
  return new PasskeyBrowserError('failed', e);
}

/** Options from the server (re-auth first if it asks), the browser's dialog, then saving the new key. */
export async function addPasskey(name: string): Promise<{ id: string }> {
  const optionsJSON = await passkeysApi.registrationOptions();
  const credential = await startRegistration({ optionsJSON }).catch((e: unknown) => {
    throw classify(e);
  });
  return passkeysApi.register(name, credential);
}

/** The passkey alternative to the TOTP code, for a session that has passed the password step. */
export async function loginWithPasskey(): Promise<void> {
  const optionsJSON = await passkeysApi.loginOptions();
  const credential = await startAuthentication({ optionsJSON }).catch((e: unknown) => {
    throw classify(e);
  });
  await passkeysApi.login(credential);
}
