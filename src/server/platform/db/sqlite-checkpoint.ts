import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Checkpoints of the write-ahead log run in a worker thread with a connection of its own (ADR 0014).
 * SQLite's automatic checkpoint runs inside a COMMIT — on better-sqlite3, on the main thread — and
 * copies the log into the database file with two flushes to disk: under a steady stream of writes it
 * was most of the time the server stood still. A PASSIVE checkpoint never blocks the writer, so the
 * worker can run it every half second. The main connection keeps a far automatic checkpoint as a
 * safety net should the worker fall behind.
 *
 * The log only starts over from its beginning when a write transaction begins with every frame
 * already copied, which a steady stream of writes never gives (the next batch always begins right
 * after the last commit, ADR 0014): it grew to the safety net's limit and the main thread checkpointed
 * it there, every two seconds on election day. `restartLog` makes that moment on purpose (below).
 *
 * The worker's code is plain JavaScript in a string: a worker thread does not inherit the TypeScript
 * loader this server runs under.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const SQLite = require(workerData.driver);
const db = new SQLite(workerData.file);
db.pragma('busy_timeout = 1000');
db.pragma('synchronous = NORMAL');
// Frames in the log, and how many of them are now in the database file (-1: it could not run).
const tick = () => {
  try {
    const r = db.pragma('wal_checkpoint(PASSIVE)')[0];
    return { log: r.log, copied: r.checkpointed };
  } catch {
    return { log: -1, copied: -1 }; // busy or a full disk: the next tick tries again
  }
};
const timer = setInterval(() => parentPort.postMessage(tick()), workerData.everyMs);
parentPort.on('message', (m) => {
  if (m === 'now') return parentPort.postMessage({ ...tick(), now: true });
  clearInterval(timer);
  tick();
  db.close();
  parentPort.postMessage('closed');
});
`;

export interface Checkpointer {
  /** Frames in the log at the last checkpoint (0 before the first). */
  logFrames(): number;
  /**
   * Checkpoint now; true when the whole log is in the database file (the next writer restarts it).
   * `ahead`: copying ahead while writes go on (db.ts, `restartLog`): the log does not start over, so
   * its length stays as it was reported.
   */
  now(ahead?: boolean): Promise<boolean>;
  stop(): Promise<void>;
}

export function startCheckpointer(file: string, everyMs = 500): Checkpointer {
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { file, everyMs, driver: fileURLToPath(import.meta.resolve('better-sqlite3')) },
  });
  // Never what keeps a process alive (a CLI command ends when its work does).
  worker.unref();
  let frames = 0;
  // Nobody waits on a worker that is gone (stopped, or failed): `now` then answers at once.
  let gone = false;
  const waiting: { ahead: boolean; resolve: (all: boolean) => void }[] = [];
  const release = () => {
    for (const w of waiting.splice(0)) w.resolve(false);
  };
  worker.on('message', (m: unknown) => {
    if (typeof m !== 'object' || m === null) return;
    const { log, copied, now } = m as { log: number; copied: number; now?: boolean };
    if (log >= 0) frames = log;
    if (!now) return;
    // All of it copied on demand: the next write transaction starts the log over.
    const all = log >= 0 && copied === log;
    const w = waiting.shift();
    if (all && w && !w.ahead) frames = 0;
    w?.resolve(all);
  });
  const end = () => {
    gone = true;
    release();
  };
  worker.on('error', end);
  worker.on('exit', end);
  let stopped: Promise<void> | null = null;
  return {
    logFrames: () => frames,
    now: (ahead = false) =>
      gone || stopped
        ? Promise.resolve(false)
        : new Promise<boolean>((resolve) => {
            waiting.push({ ahead, resolve });
            worker.postMessage('now');
          }),
    stop: () =>
      (stopped ??= new Promise<void>((resolve) => {
        release();
        const done = () => void worker.terminate().then(() => resolve());
        worker.on('message', (m) => m === 'closed' && done());
        worker.once('error', done);
        worker.once('exit', () => resolve());
        worker.postMessage('stop');
      })),
  };
}
