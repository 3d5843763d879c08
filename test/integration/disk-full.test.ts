// @ukuk-test exclusive: fills a PostgreSQL tablespace, which makes every checkpoint of the cluster fail.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { Client } from '../helpers/client.ts';
import { postgresAvailable, tempDir } from '../helpers/db.ts';
import pg from 'pg';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { totpFreshAsync } from '../helpers/totp.ts';

// A small tmpfs stands in for a full disk; mounting needs root (as in CI). Elsewhere the test says so.
// SQLite keeps its data folder on it; PostgreSQL gets a tablespace on it (the server runs on this
// machine, as in CI), so relation files cannot grow while the WAL still can: the realistic case of a
// data volume filling up.
function mountTmpfs(size: string): string | null {
  const dir = tempDir('ukuk-full-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    fs.rmSync(dir, { recursive: true, force: true });
    if (process.env.CI === 'true') throw new Error('cannot mount a tmpfs for the disk-full test');
    console.warn('\n*** cannot mount tmpfs (not root?): disk-full test SKIPPED ***\n');
    return null;
  }
}
function unmount(dir: string): void {
  execFileSync('umount', [dir]);
  fs.rmSync(dir, { recursive: true, force: true });
}
// Room for a first start (migrations, vocabularies, form templates), then filled by the test.
const mountPoint = mountTmpfs('48m');
const pgMount = (await postgresAvailable()) ? mountTmpfs('48m') : null;

function fill(dir: string): string {
  const filler = path.join(dir, 'filler');
  const fd = fs.openSync(filler, 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) fs.writeSync(fd, chunk);
  } catch {
    // ENOSPC: the disk is full; now fill the last bytes too.
    try {
      for (;;) fs.writeSync(fd, chunk.subarray(0, 512));
    } catch {
      /* full */
    }
  } finally {
    fs.closeSync(fd);
  }
  return filler;
}

/** Set up, fill the disk, write: every write is acknowledged and kept, or refused with a clear 503. */
async function exercise(srv: RunningServer, fillDir: string): Promise<void> {
  const c = new Client(srv.url);
  await c.post('/api/setup', {
    orgName: 'Full',
    defaultLocale: 'ru',
    adminName: 'Admin',
    adminEmail: 'full@example.org',
    adminPassword: 'Баткен 2026 ысык жай!',
  });
  const info = await c.get<{ secret: string }>('/api/auth/totp/enroll');
  assert.equal(
    (await c.post('/api/auth/totp/enroll', { code: await totpFreshAsync(info.body.secret) })).status,
    200,
  );
  const acked: string[] = [];
  const filler = fill(fillDir);
  const codes = new Set<string>();
  // Files keep some slack after the first start (free pages, a reused WAL), so write until the disk
  // really refuses a few times, within a bound.
  let refused = 0;
  for (let i = 0; i < 1500 && refused < 3; i++) {
    const r = await c.post<{ id?: string; error?: { code: string; message: string } }>('/api/users', {
      email: `f${i}@example.org`,
      name: `Name ${i} ${'ы'.repeat(60)}`,
      role: 'viewer',
      locale: 'ru',
    });
    if (r.status === 200) acked.push(r.body.id!);
    else {
      assert.equal(r.status, 503, JSON.stringify(r.body));
      refused += 1;
      codes.add(r.body.error!.code);
      assert.match(r.body.error!.message, /Хранилище сервера заполнено/);
    }
  }
  assert.deepEqual([...codes], ['system.storage_full']);
  fs.rmSync(filler);
  const after = await c.post<{ id: string }>('/api/users', {
    email: 'after@example.org',
    name: 'After',
    role: 'viewer',
    locale: 'ru',
  });
  assert.equal(after.status, 200);
  const list = await c.get<{ items: { id: string }[] }>('/api/users');
  for (const id of [...acked, after.body.id])
    assert.ok(
      list.body.items.some((u) => u.id === id),
      'acknowledged writes are kept',
    );
  const verify = await c.post<{ ok: boolean }>('/api/audit/verify');
  assert.equal(verify.body.ok, true);
}

describe('a full disk (sqlite)', { skip: !mountPoint && 'tmpfs not available' }, () => {
  let srv: RunningServer;
  const dataDir = path.join(mountPoint ?? '/nonexistent', 'data');
  before(async () => {
    srv = await startServer({ dataDir });
  });
  after(async () => {
    await srv?.stop({ keep: true });
    if (mountPoint) unmount(mountPoint);
  });

  test('writes answer 503 system.storage_full, nothing is corrupted, and work resumes when space returns', async () => {
    await exercise(srv, mountPoint!);
    const db = new Database(path.join(dataDir, 'ukuk.db'), { readonly: true });
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    db.close();
  });
});

describe(
  'a full disk (postgres tablespace)',
  { skip: !pgMount && 'tmpfs or PostgreSQL not available' },
  () => {
    let srv: RunningServer;
    const name = `ukuk_full_${process.pid}`;
    const admin = () => new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
    async function sqlAdmin(...statements: string[]): Promise<void> {
      const a = admin();
      await a.connect();
      try {
        for (const q of statements) await a.query(q);
      } finally {
        await a.end();
      }
    }
    before(async () => {
      execFileSync('chown', ['postgres:postgres', pgMount!]);
      await sqlAdmin(
        `CREATE TABLESPACE ${name} LOCATION '${pgMount}'`,
        `CREATE DATABASE ${name} TABLESPACE ${name}`,
      );
      srv = await startServer({
        backend: 'postgres',
        databaseUrl: `postgres://postgres@127.0.0.1:5432/${name}`,
      });
    });
    after(async () => {
      await srv?.stop({ keep: true });
      await sqlAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`, `DROP TABLESPACE IF EXISTS ${name}`);
      if (pgMount) unmount(pgMount);
    });

    test('writes answer 503 system.storage_full, acknowledged writes are kept, and work resumes', async () => {
      await exercise(srv, pgMount!);
    });
  },
);
