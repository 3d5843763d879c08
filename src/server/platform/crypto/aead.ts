import { createCipheriv, createDecipheriv } from 'node:crypto';
import { randomChunk } from '../../../core/random.ts';

const VERSION = 1;

/**
 * AES-256-GCM with a versioned envelope `[v1][iv12][tag16][ct]`. The associated data binds a ciphertext
 * to where it belongs (table, id, field), so a value copied into another row or column will not decrypt.
 */
export function seal(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  const iv = randomChunk(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([c.update(plaintext), c.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, c.getAuthTag(), ct]);
}

export function open(key: Buffer, box: Buffer, aad: string): Buffer {
  if (box.length < 29 || box[0] !== VERSION) throw new CryptoError('unknown envelope version');
  const d = createDecipheriv('aes-256-gcm', key, box.subarray(1, 13));
  d.setAAD(Buffer.from(aad, 'utf8'));
  d.setAuthTag(box.subarray(13, 29));
  // GCM's final() adds no bytes; it checks the tag. Nothing is returned unless it passes.
  const out = d.update(box.subarray(29));
  try {
    d.final();
  } catch {
    out.fill(0);
    throw new CryptoError('authentication failed');
  }
  return out;
}

export class CryptoError extends Error {}
