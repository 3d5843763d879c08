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

/**
 * A fresh secret key of `n` bytes in a buffer of its own, drawn from the same pool (a record's data
 * key on every new record: `randomBytes` cost 5-20 µs a call on a busy server, the pool a fraction).
 * Its bytes are wiped from the pool at once, so the key lives only in the buffer returned.
 */
export function randomKey(n: number): Buffer {
  const chunk = randomChunk(n);
  const key = Buffer.allocUnsafeSlow(n);
  chunk.copy(key);
  chunk.fill(0);
  return key;
}
