import { TOTP } from 'otpauth';

/** The current 6-digit code for a base32 secret (what the person's authenticator app shows). */
export function totpNow(secret: string, offsetSteps = 0): string {
  return new TOTP({ secret, digits: 6, period: 30, algorithm: 'SHA1' }).generate({
    timestamp: Date.now() + offsetSteps * 30_000,
  });
}

const lastStep = new Map<string, number>();

/**
 * A code for a time step the account has not used yet. The server refuses a step at or before the
 * last one it accepted (replay protection) and accepts ±1 step. The previous step is never used: its
 * code may expire within seconds on a loaded machine. So two logins of one account fit in a window;
 * past that this waits for the next window, as a person would.
 */
export async function totpFreshAsync(secret: string): Promise<string> {
  for (;;) {
    const now = Math.floor(Date.now() / 30_000);
    const last = lastStep.get(secret) ?? -Infinity;
    for (const step of [now, now + 1]) {
      if (step > last) {
        lastStep.set(secret, step);
        return new TOTP({ secret, digits: 6, period: 30, algorithm: 'SHA1' }).generate({
          timestamp: step * 30_000 + 1000,
        });
      }
    }
    await new Promise((r) => setTimeout(r, (now + 1) * 30_000 - Date.now() + 50));
  }
}

/** Synchronous variant for callers that cannot wait; throws when no fresh step is left. */
export function totpFresh(secret: string, _used?: Set<string>): string {
  const now = Math.floor(Date.now() / 30_000);
  const last = lastStep.get(secret) ?? -Infinity;
  for (const step of [now, now + 1]) {
    if (step > last) {
      lastStep.set(secret, step);
      return new TOTP({ secret, digits: 6, period: 30, algorithm: 'SHA1' }).generate({
        timestamp: step * 30_000 + 1000,
      });
    }
  }
  throw new Error('no fresh TOTP step available: use totpFreshAsync');
}
