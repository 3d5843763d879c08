/**
 * One byte range of a stored file, as a `Range: bytes=…` header asks for it (RFC 9110 §14). Browsers
 * ask for ranges to seek in audio and video; without them a long recording plays only from the start.
 * Only a single range is served: several ranges, another unit or a malformed header get the whole file,
 * which the RFC allows. `end` is inclusive, as in `Content-Range`.
 */
export type ByteRange = { start: number; end: number };

export function parseRange(header: string | undefined, size: number): ByteRange | 'whole' | 'unsatisfiable' {
  const m = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!m || (m[1] === '' && m[2] === '')) return 'whole';
  if (m[1] === '') {
    // "bytes=-500": the last 500 bytes.
    const n = Number(m[2]);
    return n === 0 || size === 0 ? 'unsatisfiable' : { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(m[1]);
  const last = m[2] === '' ? Infinity : Number(m[2]);
  if (last < start) return 'whole'; // invalid: the header is ignored
  if (start >= size) return 'unsatisfiable';
  return { start, end: Math.min(last, size - 1) };
}

/**
 * The bytes `start`…`end` of a stream of plaintext pieces. Earlier pieces are still read (each is
 * authenticated as it is decrypted); the source is closed as soon as the range is complete.
 */
export async function* sliceBytes(
  source: AsyncIterable<Buffer>,
  { start, end }: ByteRange,
): AsyncGenerator<Buffer> {
  let pos = 0;
  for await (const piece of source) {
    const from = pos;
    pos += piece.length;
    if (pos <= start) continue;
    const a = Math.max(0, start - from);
    const b = Math.min(piece.length, end + 1 - from);
    if (b > a) yield piece.subarray(a, b);
    if (pos > end) return;
  }
}
