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
 * The worker's code is plain JavaScript in a string: a worker thread does not inherit the TypeScript
 * loader this server runs under.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const SQLite = require(workerData.driver);
const db = new SQLite(workerData.file);
db.pragma('busy_timeout = 1000');
db.pragma('synchronous = NORMAL');
const tick = () => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy or a full disk: the next tick tries again */ }
};
const timer = setInterval(tick, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  tick();
  db.close();
  parentPort.postMessage('closed');
});
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

export function startCheckpointer(file: string, everyMs = 500): Checkpointer {
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { file, everyMs, driver: fileURLToPath(import.meta.resolve('better-sqlite3')) },
  });
  // Never what keeps a process alive (a CLI command ends when its work does).
  worker.unref();
  let stopped: Promise<void> | null = null;
  return {
    stop: () =>
      (stopped ??= new Promise<void>((resolve) => {
        const done = () => void worker.terminate().then(() => resolve());
        worker.once('message', done);
        worker.once('error', done);
        worker.once('exit', () => resolve());
        worker.postMessage('stop');
      })),
  };
}
