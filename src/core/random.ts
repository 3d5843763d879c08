import { randomFillSync } from 'node:crypto';

const POOL = 8192;
let pool = Buffer.alloc(0);
let used = POOL;

/**
 * `n` fresh random bytes (n ≤ 256) from a pool refilled by the system's CSPRNG 8 KB at a time.
 * One refill per ~700 small draws instead of one call each (ids and GCM nonces on every write; Node
 * pools its own randomUUID the same way). Each byte is handed out once; the caller may write over
 * what it gets.
 */
export function randomChunk(n: number): Buffer {
  if (n > 256) throw new RangeError('randomChunk is for small draws');
  if (used + n > POOL) {
    // A new buffer, not a refill in place: chunks handed out earlier stay as they are.
    pool = randomFillSync(Buffer.allocUnsafe(POOL));
    used = 0;
  }
  const b = pool.subarray(used, used + n);
  used += n;
  return b;
}
