import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { SERVER_NODE_FLAGS } from '../../scripts/server-build.mjs';
import { createPgDatabase, tempDir, type Backend } from './db.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
let built: string | undefined;

// Servers still running when this test process ends (a test failed or timed out before its cleanup,
// and the test runner stopped the file with SIGTERM) are killed with it, rather than left holding a
// port, a database and a core for the rest of the run.
const live = new Set<ChildProcess>();
const killLive = () => {
  for (const c of live) c.kill('SIGKILL');
};
process.on('exit', killLive);
process.once('SIGTERM', () => {
  killLive();
  process.exit(143);
});

/**
 * The compiled server that `npm start` runs (scripts/server-build.mjs), rebuilt here when a source is
 * newer, so that these tests exercise what an organisation runs and not only the TypeScript.
 */
export function serverBundle(): string {
  if (built) return built;
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/server-build.mjs')], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`server build failed:\n${r.stdout}${r.stderr}`);
  built = r.stdout.trim().split('\n').pop()!;
  return built;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

export interface RunningServer {
  url: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  process: ChildProcess;
  logs: () => string;
  /** Graceful stop, then remove the data folder and PG database (unless `keep`). */
  stop(opts?: { keep?: boolean }): Promise<void>;
  /** Remove what `stop({ keep: true })` kept: the data folder and the PostgreSQL database made for it. */
  cleanup(): Promise<void>;
  /** SIGKILL, like a power cut; nothing is cleaned up. */
  kill(): Promise<void>;
}

/**
 * Start the real server (`ukuk serve`, compiled as `npm start` runs it) as a child process on a free
 * port with a fresh data folder (or the given one, to run a second node or restart), and wait until it
 * answers /api/health.
 */
export async function startServer(
  opts: { backend?: Backend; dataDir?: string; databaseUrl?: string; env?: Record<string, string> } = {},
): Promise<RunningServer> {
  const backend = opts.backend ?? 'sqlite';
  const dataDir = opts.dataDir ?? tempDir('ukuk-srv-');
  let databaseUrl = opts.databaseUrl;
  let dropPg: (() => Promise<void>) | undefined;
  if (backend === 'postgres' && !databaseUrl) {
    const pg = await createPgDatabase();
    databaseUrl = pg.url;
    dropPg = () => pg.drop();
  }
  const port = await freePort();
  // Node's flags as `npm start` gives them (scripts/start.mjs).
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, serverBundle(), 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      UKUK_DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      UKUK_LOG_LEVEL: 'warn',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  child.once('exit', () => live.delete(child));
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  // A first start migrates and imports every vocabulary (thousands of terms): quick on an idle machine,
  // but a 2-core CI box running a browser beside it needs headroom.
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${out}`);
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start in 90 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const exited = () =>
    new Promise<void>((r) =>
      child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', () => r()),
    );
  return {
    url,
    port,
    dataDir,
    databaseUrl,
    process: child,
    logs: () => out,
    async stop({ keep = false } = {}) {
      child.kill('SIGTERM');
      await exited();
      if (!keep) {
        if (!opts.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
        if (dropPg) await dropPg();
      }
    },
    async cleanup() {
      if (!opts.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
      if (dropPg) await dropPg();
    },
    async kill() {
      child.kill('SIGKILL');
      await exited();
    },
  };
}
