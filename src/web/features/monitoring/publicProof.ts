/**
 * The public form's proof of work, in the browser with WebCrypto: find a nonce whose SHA-256 of
 * `<token>:<nonce>` starts with `bits` zero bits (the server checks the same in public.antispam.ts).
 * Digests are asked for in batches so the browser can run them back to back without blocking the page.
 */
function zeroBits(d: Uint8Array): number {
  let n = 0;
  for (const byte of d) {
    if (byte === 0) {
      n += 8;
      continue;
    }
    return n + Math.clz32(byte) - 24;
  }
  return n;
}

const BATCH = 256;

export async function solveChallenge(token: string, bits: number, signal?: AbortSignal): Promise<string> {
  const enc = new TextEncoder();
  for (let start = 0; ; start += BATCH) {
    if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
    const digests = await Promise.all(
      Array.from({ length: BATCH }, (_, i) =>
        crypto.subtle.digest('SHA-256', enc.encode(`${token}:${start + i}`)),
      ),
    );
    const hit = digests.findIndex((d) => zeroBits(new Uint8Array(d)) >= bits);
    if (hit >= 0) return String(start + hit);
  }
}
