import { Secret, TOTP } from 'otpauth';
import { renderSVG } from 'uqr';

const PERIOD = 30;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, label = 'user'): TOTP {
  return new TOTP({ issuer: 'Ukuk', label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret });
}

export function totpUri(secret: string, label: string): string {
  return totp(secret, label).toString();
}

export function totpQrSvg(uri: string): string {
  return renderSVG(uri, { border: 2 });
}

/**
 * Check a code within ±1 step. Returns the matched time step, or null. A step at or before
 * `lastStep` is refused, so a code cannot be replayed within its window.
 */
export function verifyTotp(secret: string, code: string, lastStep: number, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totp(secret).validate({ token: code, window: 1, timestamp: now });
  if (delta === null) return null;
  const step = Math.floor(now / 1000 / PERIOD) + delta;
  return step > lastStep ? step : null;
}

/** The current code (used by the CLI's provisioning tests and demo data, never by the login path). */
export function totpCode(secret: string, now = Date.now()): string {
  return totp(secret).generate({ timestamp: now });
}
