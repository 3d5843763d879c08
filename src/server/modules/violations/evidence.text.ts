import { spawn } from 'node:child_process';
import { once } from 'node:events';

/**
 * Text of uploaded PDFs, for search. `pdftotext` (poppler-utils) runs as a child process, reading the
 * decrypted PDF on its standard input and writing text to its standard output: no plaintext file is
 * ever written, a malformed or hostile PDF cannot crash the server, and time and output are bounded.
 * The text itself is never stored; only keyed hashes of its words go into the search index.
 * Without poppler-utils on the machine, PDFs are simply not searchable by content (logged once).
 */
const TIMEOUT_MS = 60_000;
/** Text beyond this is not indexed (an index entry stays bounded; the start of a document matters most). */
export const MAX_TEXT_CHARS = 1_000_000;

export type PdfText = { ok: true; text: string } | { ok: false; reason: 'unavailable' | 'failed' };

/** Extract the text of the PDF streamed by `source`. Never throws for a bad PDF. */
export async function extractPdfText(source: AsyncIterable<Buffer>): Promise<PdfText> {
  const child = spawn('pdftotext', ['-q', '-enc', 'UTF-8', '-', '-'], {
    stdio: ['pipe', 'pipe', 'ignore'],
    // A minimal environment: the child needs no secret the server's environment may hold.
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8' },
  });
  const spawned = new Promise<boolean>((resolve) => {
    child.once('spawn', () => resolve(true));
    child.once('error', () => resolve(false));
  });
  if (!(await spawned)) return { ok: false, reason: 'unavailable' };
  const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
  const chunks: Buffer[] = [];
  let bytes = 0;
  child.stdout.on('data', (d: Buffer) => {
    // UTF-8: at most 4 bytes a character; stop reading (and stop the child) past the bound.
    if (bytes > MAX_TEXT_CHARS * 4) return;
    chunks.push(d);
    bytes += d.length;
    if (bytes > MAX_TEXT_CHARS * 4) child.kill('SIGKILL');
  });
  const closed = once(child, 'close') as Promise<[number | null, NodeJS.Signals | null]>;
  let fed = true;
  try {
    // The child may exit early on a broken PDF: then writing fails with EPIPE, which is fine.
    child.stdin.on('error', () => undefined);
    for await (const chunk of source) {
      if (child.stdin.destroyed) break;
      if (!child.stdin.write(chunk)) await Promise.race([once(child.stdin, 'drain'), closed]);
    }
  } catch {
    fed = false; // the stored file could not be read back (integrity): index nothing from it
    child.kill('SIGKILL');
  } finally {
    child.stdin.end();
  }
  const [code] = await closed;
  clearTimeout(timer);
  const truncated = bytes > MAX_TEXT_CHARS * 4;
  if (!fed || (code !== 0 && !truncated)) return { ok: false, reason: 'failed' };
  const text = Buffer.concat(chunks).toString('utf8');
  return { ok: true, text: text.length > MAX_TEXT_CHARS ? text.slice(0, MAX_TEXT_CHARS) : text };
}
