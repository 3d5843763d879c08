import { createRequire } from 'node:module';
import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../errors.ts';

const require = createRequire(import.meta.url);
// A bundled list of ~1M common passwords (Mozilla, MPL-2.0): no network lookup, nothing leaves the server.
const commonList = require('fxa-common-password-list') as { test(pw: string): boolean };

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;
// OWASP's Argon2id baseline (19 MiB, t=2, p=1): ~90 ms here, so login stays fast but guessing does not.
const OPTS = { algorithm: 2 as const, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export async function hashPassword(pw: string): Promise<string> {
  return hash(pw.normalize('NFC'), OPTS);
}

export async function verifyPassword(stored: string, pw: string): Promise<boolean> {
  try {
    return await verify(stored, pw.normalize('NFC'));
  } catch {
    return false;
  }
}

// A fixed hash to verify against when an account does not exist, so that timing is the same.
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(pw: string): Promise<void> {
  dummyHash ??= hash('ukuk-dummy-password-for-timing', OPTS);
  await verifyPassword(await dummyHash, pw);
}

/** Reject short, very common, or account-derived passwords, naming the field in the error. */
export function checkPasswordPolicy(pw: string, field: string, related: string[] = []): void {
  const len = [...pw].length;
  if (len < PASSWORD_MIN) {
    throw new AppError('validation.failed', {
      fields: [{ path: field, code: 'too_short', params: { count: PASSWORD_MIN } }],
    });
  }
  const lower = pw.toLowerCase();
  const derived = related.some((r) => r.length >= 4 && lower.includes(r.toLowerCase()));
  if (commonList.test(pw) || commonList.test(lower) || derived || new Set(pw).size < 4) {
    throw new AppError('auth.password_too_common', { fields: [{ path: field, code: 'too_common' }] });
  }
}
