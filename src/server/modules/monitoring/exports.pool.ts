import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { buildSync } from 'esbuild';
import type { Labels, RenderPage, RenderSpec, Rendered } from './exports.types.ts';
import { appPath } from '../../platform/paths.ts';

/**
 * Worker threads that render export pages (ADR 0015). Decrypting a submission costs two AES-GCM
 * initialisations (its data key, then its answers): on one thread that capped an export near 25,000
 * rows/s; the main thread now only reads pages and writes the file while the workers render them.
 *
 * Worker threads do not inherit the TypeScript loader the server runs under, so the worker's code —
 * exports.worker.ts and the little it imports — is bundled by esbuild (the compiler tsx itself uses)
 * once per process, and runs as plain JavaScript: a few MB per thread instead of a whole server.
 */
let bundled: string | null = null;

function workerCode(): string {
  bundled ??= buildSync({
    entryPoints: [appPath('src', 'server', 'modules', 'monitoring', 'exports.worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  }).outputFiles[0]!.text;
  return bundled;
}

/**
 * Threads for one export: one core fewer than there are, since the main thread has its own share
 * (reading pages, encrypting and writing the file); at least one, at most three. On two cores a second
 * worker gained 10-25% (52,000 → 65,000 rows/s over 300,000 rows on one machine) but the export's peak
 * went from 230-245 MB to 275-310 MB, against the 300 MB its issue allows.
 */
export function exportThreads(): number {
  return Math.max(1, Math.min(3, os.availableParallelism() - 1));
}

type Reply = { seq: number; out?: Rendered; error?: string };

export class RenderPool {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, { resolve(r: Rendered): void; reject(e: Error): void }>();
  private seq = 0;
  private failed: Error | null = null;
  private readonly exits: Promise<void>[] = [];
  private closing: Promise<void> | null = null;

  constructor(spec: RenderSpec, size = exportThreads()) {
    const code = workerCode();
    this.workers = Array.from({ length: size }, () => {
      const w = new Worker(code, {
        eval: true,
        workerData: spec,
        // Not the parent's `--import tsx` (tests, benchmarks): that would load a compiler per thread.
        execArgv: [],
        // A page's garbage is short-lived: a small young generation keeps the thread's memory flat.
        resourceLimits: { maxYoungGenerationSizeMb: 16 },
      });
      w.on('message', (m: Reply) => this.settle(m));
      w.on('error', (e) => this.fail(e));
      this.exits.push(
        new Promise<void>((resolve) =>
          w.on('exit', (code) => {
            if (code !== 0) this.fail(new Error(`export worker exited with ${code}`));
            resolve();
          }),
        ),
      );
      return w;
    });
  }

  /** Labels for every worker; each worker handles its messages in order, so later pages see them. */
  learn(labels: Labels): void {
    for (const w of this.workers) w.postMessage({ kind: 'labels', labels });
  }

  /** Render one page on the next worker in turn; callers await pages in the order they sent them. */
  render(page: RenderPage): Promise<Rendered> {
    if (this.failed) {
      page.keys.fill(0);
      return Promise.reject(this.failed);
    }
    const seq = this.seq++;
    const w = this.workers[seq % this.workers.length]!;
    return new Promise<Rendered>((resolve, reject) => {
      this.waiting.set(seq, { resolve, reject });
      // The data keys move to the worker: none stays behind on this thread.
      w.postMessage({ kind: 'page', seq, page }, [page.keys.buffer as ArrayBuffer]);
    });
  }

  get size(): number {
    return this.workers.length;
  }

  /** End the workers (each wipes the keys of a page as soon as it has rendered it). */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.fail(new Error('export workers closed'));
      // Each worker ends by itself; one that has not within a second is stopped.
      for (const w of this.workers) w.postMessage({ kind: 'close' });
      const timer = setTimeout(() => this.workers.forEach((w) => void w.terminate()), 1000);
      await Promise.all(this.exits);
      clearTimeout(timer);
    })();
    return this.closing;
  }

  private settle(m: Reply): void {
    const p = this.waiting.get(m.seq);
    if (!p) return;
    this.waiting.delete(m.seq);
    if (m.error !== undefined) p.reject(new Error(m.error));
    else p.resolve(m.out!);
  }

  private fail(e: Error): void {
    this.failed ??= e;
    for (const p of this.waiting.values()) p.reject(e);
    this.waiting.clear();
  }
}
