import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { ROLES } from '../../src/core/roles.ts';
import { Client } from '../helpers/client.ts';
import { runCli } from '../helpers/cli.ts';
import { tempDir } from '../helpers/db.ts';
import { startServer } from '../helpers/server.ts';
import { totpFreshAsync } from '../helpers/totp.ts';

const dirs: string[] = [];
function dir(): string {
  const d = tempDir();
  dirs.push(d);
  return d;
}
after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('ukuk CLI', () => {
  test('setup --json, user add --json, then both log in with the printed TOTP secrets', async () => {
    const d = dir();
    const pw = path.join(d, 'pw');
    fs.writeFileSync(pw, 'Жалал-Абад 2026 күзү\n');
    const env = { UKUK_DATA_DIR: path.join(d, 'data') };
    const s = await runCli(
      [
        'setup',
        '--org',
        'Бир Дүйнө',
        '--admin-email',
        'boss@example.org',
        '--admin-password-file',
        pw,
        '--locale',
        'ru',
        '--json',
      ],
      env,
    );
    assert.equal(s.code, 0, s.stderr);
    const setup = JSON.parse(s.stdout) as { adminId: string; totpSecret: string };
    assert.match(setup.totpSecret, /^[A-Z2-7]{32}$/);
    const u = await runCli(
      ['user', 'add', '--email', 'lawyer@example.org', '--role', 'lawyer', '--password-file', pw, '--json'],
      env,
    );
    assert.equal(u.code, 0, u.stderr);
    const user = JSON.parse(u.stdout) as { id: string; totpSecret: string };
    assert.equal(fs.statSync(path.join(d, 'data', 'ukuk.key')).mode & 0o777, 0o600);
    const srv = await startServer({ dataDir: env.UKUK_DATA_DIR });
    try {
      const c = new Client(srv.url);
      await c.login('lawyer@example.org', 'Жалал-Абад 2026 күзү', user.totpSecret);
      const me = await c.get<{ id: string; role: string }>('/api/me');
      assert.deepEqual([me.body.id, me.body.role], [user.id, 'lawyer']);
      const again = await runCli(
        ['setup', '--org', 'X', '--admin-email', 'x@example.org', '--admin-password-file', pw],
        env,
      );
      assert.notEqual(again.code, 0);
      assert.match(again.stderr, /setup\.already_done/);
    } finally {
      await srv.stop({ keep: true });
    }
  });

  test('bad arguments fail with a clear message and change nothing', async () => {
    const d = dir();
    const pw = path.join(d, 'pw');
    fs.writeFileSync(pw, 'short\n');
    const env = { UKUK_DATA_DIR: path.join(d, 'data') };
    const weak = await runCli(
      ['setup', '--org', 'X', '--admin-email', 'a@example.org', '--admin-password-file', pw],
      env,
    );
    assert.equal(weak.code, 1);
    assert.match(weak.stderr, /password: too_short/);
    assert.ok(!fs.existsSync(path.join(d, 'data', 'ukuk.key')), 'a failed setup leaves no key file');
    const missing = await runCli(['setup', '--org', 'X'], env);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /Missing --admin-email/);
    const unknown = await runCli(['frobnicate'], env);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stdout, /Usage: ukuk/);
    const noSetup = await runCli(
      ['user', 'add', '--email', 'a@example.org', '--role', 'admin', '--password-file', pw],
      env,
    );
    assert.equal(noSetup.code, 1);
    assert.match(noSetup.stderr, /not set up/);
  });

  test('demo --json: one user per role, marked as demo; refused on a non-empty folder', async () => {
    const d = dir();
    const env = { UKUK_DATA_DIR: path.join(d, 'data') };
    const r = await runCli(['demo', '--json'], env);
    assert.equal(r.code, 0, r.stderr);
    const users = JSON.parse(r.stdout) as {
      email: string;
      password: string;
      role: string;
      totpSecret: string;
    }[];
    assert.deepEqual(users.map((u) => u.role).sort(), [...ROLES].sort());
    const srv = await startServer({ dataDir: env.UKUK_DATA_DIR });
    try {
      const monitor = users.find((u) => u.role === 'monitor')!;
      const c = new Client(srv.url);
      await c.login(monitor.email, monitor.password, monitor.totpSecret);
      const me = await c.get<{ org: { name: string; demo: boolean } }>('/api/me');
      assert.equal(me.body.org.demo, true);
      assert.match(me.body.org.name, /DEMO/);
      // The demo mission's dashboard adds up: checklists come only from stations someone was sent to.
      const admin = users.find((u) => u.role === 'admin')!;
      const a = new Client(srv.url);
      await a.login(admin.email, admin.password, admin.totpSecret);
      const missions = await a.get<{ items: { id: string; kind: string }[] }>('/api/monitoring/missions');
      const election = missions.body.items.find((m) => m.kind === 'election')!;
      const sum = await a.get<{
        expected: number;
        received: number;
        byRegion: { expected: number; received: number; unstaffed: number }[];
        byDistrict: { expected: number }[];
        unplaced: number;
      }>(`/api/monitoring/missions/${election.id}/summary`);
      assert.equal(sum.status, 200, JSON.stringify(sum.body));
      const unstaffed = sum.body.byRegion.reduce((n, r) => n + r.unstaffed, 0);
      assert.deepEqual([sum.body.expected, sum.body.received, unstaffed], [17, 17, 3]);
      // Every station is on the district map (Bishkek and Osh as cities): the map adds up to the same.
      assert.equal(sum.body.unplaced, 0);
      assert.equal(
        sum.body.byDistrict.reduce((n, d) => n + d.expected, 0),
        17,
      );
      // The detention-visit mission counts each institution once per planned visit (ADR 0037).
      const detention = missions.body.items.find((m) => m.kind === 'detention')!;
      const visits = await a.get<{ expected: number; received: number }>(
        `/api/monitoring/missions/${detention.id}/summary`,
      );
      assert.deepEqual([visits.body.expected, visits.body.received], [15, 8]);
    } finally {
      await srv.stop({ keep: true });
    }
    const again = await runCli(['demo'], env);
    assert.equal(again.code, 1);
  });

  test('user reset-2fa forces enrolment at next login', async () => {
    const d = dir();
    const env = { UKUK_DATA_DIR: path.join(d, 'data') };
    const users = JSON.parse((await runCli(['demo', '--json'], env)).stdout) as {
      email: string;
      password: string;
      role: string;
    }[];
    const viewer = users.find((u) => u.role === 'viewer')!;
    assert.equal((await runCli(['user', 'reset-2fa', '--email', viewer.email], env)).code, 0);
    const srv = await startServer({ dataDir: env.UKUK_DATA_DIR });
    try {
      const c = new Client(srv.url);
      const r = await c.post<{ next: string }>('/api/auth/login', {
        email: viewer.email,
        password: viewer.password,
      });
      assert.equal(r.body.next, 'totp_enroll');
      const info = await c.get<{ secret: string; qrSvg: string }>('/api/auth/totp/enroll');
      assert.match(info.body.qrSvg, /^<svg/);
      const done = await c.post<{ recoveryCodes: string[] }>('/api/auth/totp/enroll', {
        code: await totpFreshAsync(info.body.secret),
      });
      assert.equal(done.body.recoveryCodes.length, 10);
      assert.equal((await c.get('/api/me')).status, 200);
    } finally {
      await srv.stop({ keep: true });
    }
  });
});
