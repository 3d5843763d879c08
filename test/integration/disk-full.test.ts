import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { Client } from '../helpers/client.ts';
import { tempDir } from '../helpers/db.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { totpFreshAsync } from '../helpers/totp.ts';

// A small tmpfs stands in for a full disk; mounting needs root (as in CI). Elsewhere the test says so.
const mountPoint = tempDir('ukuk-full-');
let mounted = false;
try {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mountPoint], { stdio: 'ignore' });
  mounted = true;
} catch {
  if (process.env.CI === 'true') throw new Error('cannot mount a tmpfs for the disk-full test');
  console.warn('\n*** cannot mount tmpfs (not root?): disk-full test SKIPPED ***\n');
}

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

describe('a full disk (sqlite)', { skip: !mounted && 'tmpfs not available' }, () => {
  let srv: RunningServer;
  const dataDir = path.join(mountPoint, 'data');
  before(async () => {
    srv = await startServer({ dataDir });
  });
  after(async () => {
    await srv?.stop({ keep: true });
    execFileSync('umount', [mountPoint]);
    fs.rmSync(mountPoint, { recursive: true, force: true });
  });

  test('writes answer 503 system.storage_full, nothing is corrupted, and work resumes when space returns', async () => {
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
    const filler = fill(mountPoint);
    const codes = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const r = await c.post<{ id?: string; error?: { code: string; message: string } }>('/api/users', {
        email: `f${i}@example.org`,
        name: `Name ${i}`,
        role: 'viewer',
        locale: 'ru',
      });
      if (r.status === 200) acked.push(r.body.id!);
      else {
        assert.equal(r.status, 503, JSON.stringify(r.body));
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
    const db = new Database(path.join(dataDir, 'ukuk.db'), { readonly: true });
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    db.close();
  });
});
