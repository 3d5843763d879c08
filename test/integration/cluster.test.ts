import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openDb } from '../../src/server/platform/db/db.ts';
import { createJobQueue } from '../../src/server/platform/jobs/jobs.ts';
import { Client } from '../helpers/client.ts';
import { runCli } from '../helpers/cli.ts';
import { createPgDatabase, postgresAvailable, tempDir, type Backend } from '../helpers/db.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';

async function eventually(what: string, fn: () => Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await fn()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`not within ${ms} ms: ${what}`);
}

async function health(s: RunningServer): Promise<{ sealed: boolean; database: string }> {
  return (await fetch(`${s.url}/api/health`)).json() as Promise<{ sealed: boolean; database: string }>;
}

interface Installation {
  dataDir: string;
  databaseUrl: string | undefined;
  env: Record<string, string | undefined>;
  admin: { email: string; password: string; totpSecret: string };
  passphraseFile: string;
  drop(): Promise<void>;
}

/** A set-up installation made with the CLI, in key-file or passphrase (sealed) mode. */
async function install(backend: Backend, sealed: boolean): Promise<Installation> {
  const dataDir = tempDir();
  const pg = backend === 'postgres' ? await createPgDatabase() : undefined;
  const pw = path.join(dataDir, 'pw');
  const pp = path.join(dataDir, 'pp');
  fs.writeFileSync(pw, 'Тоолуу-кластер-2026-сыр\n');
  fs.writeFileSync(pp, 'бир дүйнө мөөр купуя сөз айкашы\n');
  const env = { UKUK_DATA_DIR: dataDir, DATABASE_URL: pg?.url };
  const args = [
    'setup',
    '--org',
    'Cluster',
    '--admin-email',
    'admin@example.org',
    '--admin-password-file',
    pw,
    '--json',
  ];
  const r = await runCli(sealed ? [...args, '--sealed', '--passphrase-file', pp] : args, env);
  assert.equal(r.code, 0, r.stderr);
  const { totpSecret } = JSON.parse(r.stdout) as { totpSecret: string };
  return {
    dataDir,
    databaseUrl: pg?.url,
    env,
    admin: { email: 'admin@example.org', password: 'Тоолуу-кластер-2026-сыр', totpSecret },
    passphraseFile: pp,
    async drop() {
      await pg?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

describe('seal and unseal (sqlite, key-file mode)', () => {
  let inst: Installation;
  let s: RunningServer;
  before(async () => {
    inst = await install('sqlite', false);
    s = await startServer({ dataDir: inst.dataDir });
  });
  after(async () => {
    await s.stop();
    await inst.drop();
  });

  test('panic button seals, ends sessions, and every API but health answers 503 system.sealed', async () => {
    const c = new Client(s.url);
    await c.login(inst.admin.email, inst.admin.password, inst.admin.totpSecret, new Set());
    assert.equal((await c.post('/api/system/seal')).status, 200);
    assert.equal((await health(s)).sealed, true);
    const me = await c.get<{ error: { code: string } }>('/api/me');
    assert.equal(me.status, 503);
    assert.equal(me.body.error.code, 'system.sealed');
    const unseal = await c.post<{ error: { code: string } }>('/api/system/unseal', {
      passphrase: 'whatever',
    });
    assert.equal(unseal.body.error.code, 'system.keyfile_mode');
    const r = await runCli(['unseal'], inst.env);
    assert.equal(r.code, 0, r.stderr);
    await eventually('server unsealed', async () => !(await health(s)).sealed);
    assert.equal((await c.get('/api/me')).status, 401, 'sessions ended by the seal stay ended');
  });
});

const pgUp = await postgresAvailable();
describe('two app nodes on one PostgreSQL', { skip: !pgUp && 'PostgreSQL not reachable' }, () => {
  let inst: Installation;
  let a: RunningServer;
  let b: RunningServer;
  before(async () => {
    inst = await install('postgres', true);
    const env = { UKUK_KEY_FILE: path.join(inst.dataDir, 'ukuk.key') };
    a = await startServer({ backend: 'postgres', databaseUrl: inst.databaseUrl!, dataDir: tempDir(), env });
    b = await startServer({ backend: 'postgres', databaseUrl: inst.databaseUrl!, dataDir: tempDir(), env });
  });
  after(async () => {
    await a?.stop({ keep: true });
    await b?.stop({ keep: true });
    await inst.drop();
  });

  test('passphrase mode: both nodes start sealed; unsealing one unseals both', async () => {
    assert.equal((await health(a)).sealed, true);
    assert.equal((await health(b)).sealed, true);
    const c = new Client(a.url);
    const wrong = await c.post<{ error: { code: string } }>('/api/system/unseal', {
      passphrase: 'not the passphrase',
    });
    assert.equal(wrong.status, 401);
    assert.equal(wrong.body.error.code, 'system.unseal_failed');
    const ok = await c.post('/api/system/unseal', {
      passphrase: fs.readFileSync(inst.passphraseFile, 'utf8').trim(),
    });
    assert.equal(ok.status, 200);
    assert.equal((await health(a)).sealed, false);
    await eventually('node B unsealed', async () => !(await health(b)).sealed);
  });

  test('a session made on one node works on the other; logout on one is seen by both', async () => {
    const c = new Client(a.url);
    await c.login(inst.admin.email, inst.admin.password, inst.admin.totpSecret, new Set());
    const onB = new Client(b.url);
    onB.setCookie('ukuk_session', c.cookieHeader().match(/ukuk_session=([^;]+)/)![1]!);
    assert.equal((await onB.get('/api/me')).status, 200);
    assert.equal((await c.post('/api/auth/logout')).status, 200);
    assert.equal((await onB.get('/api/me')).status, 401);
  });

  test('sealing on one node seals the other', async () => {
    const c = new Client(b.url);
    await c.login(inst.admin.email, inst.admin.password, inst.admin.totpSecret, new Set());
    assert.equal((await c.post('/api/system/seal')).status, 200);
    await eventually('node A sealed', async () => (await health(a)).sealed);
    const r = await runCli(['unseal', '--passphrase-file', inst.passphraseFile], inst.env);
    assert.equal(r.code, 0, r.stderr);
    await eventually(
      'both unsealed by the CLI',
      async () => !(await health(a)).sealed && !(await health(b)).sealed,
    );
  });

  test('queued jobs run exactly once across the two nodes', async () => {
    const dbh = openDb({ dataDir: inst.dataDir, databaseUrl: inst.databaseUrl });
    try {
      const queue = createJobQueue({ db: dbh.db, kind: 'postgres', log: { warn() {}, error() {} } });
      const ids = new Set<string>();
      for (let i = 0; i < 30; i++) ids.add(await queue.enqueue(dbh.db, 'audit.verify', {}));
      await eventually(
        'all jobs done',
        async () =>
          (
            await dbh.db
              .selectFrom('jobs')
              .select('id')
              .where('id', 'in', [...ids])
              .where('state', '=', 'done')
              .execute()
          ).length === ids.size,
        30_000,
      );
      const entries = await dbh.db
        .selectFrom('audit_log')
        .select('entity_id')
        .where('action', '=', 'system.audit_verified')
        .where('entity_id', 'in', [...ids])
        .execute();
      assert.equal(entries.length, ids.size, 'one result entry per job');
      assert.equal(new Set(entries.map((e) => e.entity_id)).size, ids.size);
      const workers = await dbh.db
        .selectFrom('jobs')
        .select('locked_by')
        .where('id', 'in', [...ids])
        .execute();
      assert.ok(new Set(workers.map((w) => w.locked_by)).size >= 1);
    } finally {
      await dbh.close();
    }
  });
});
