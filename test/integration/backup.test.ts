import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openDb } from '../../src/server/platform/db/db.ts';
import { DATA_TABLES, TABLES } from '../../src/server/platform/backup/tables.ts';
import { backends, createPgDatabase, tempDir, type Backend } from '../helpers/db.ts';

// Drives the real `ukuk` command as a child process, as an operator would.
const ROOT = path.resolve(import.meta.dirname, '../..');
const work = tempDir('ukuk-backup-test-');
const MARKER = `MARKER${randomBytes(6).toString('hex')}`;
const secret = (name: string, value: string) => {
  fs.writeFileSync(path.join(work, name), `${value}\n`, { mode: 0o600 });
  return path.join(work, name);
};
const ADMIN_PW = secret('admin-pw', 'Correct-Horse-Battery-9');
const BACKUP_PW = secret('backup-pw', 'backup passphrase for tests');
const WRONG_PW = secret('wrong-pw', 'not the backup passphrase');
const SEAL_PW = secret('seal-pw', 'seal passphrase for tests');

interface Target {
  dataDir: string;
  url?: string;
  /** UKUK_KEY_FILE, when not the default `<dataDir>/ukuk.key`. */
  keyFile?: string;
}
interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const pgDrops: Array<() => Promise<void>> = [];
const dirs: string[] = [work];
const scratch = () => {
  const d = tempDir();
  dirs.push(d);
  return d;
};

async function newTarget(backend: Backend): Promise<Target> {
  const dataDir = path.join(scratch(), 'data');
  if (backend === 'sqlite') return { dataDir };
  const pg = await createPgDatabase();
  pgDrops.push(() => pg.drop());
  return { dataDir, url: pg.url };
}

function ukuk(t: Target, ...args: string[]): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, UKUK_DATA_DIR: t.dataDir, UKUK_LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.UKUK_KEY_FILE;
  if (t.url) env.DATABASE_URL = t.url;
  if (t.keyFile) env.UKUK_KEY_FILE = t.keyFile;
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/ukuk.js', ...args], { cwd: ROOT, env }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

async function ok(t: Target, ...args: string[]): Promise<Run> {
  const r = await ukuk(t, ...args);
  assert.equal(r.code, 0, `ukuk ${args.join(' ')} failed: ${r.stderr}`);
  return r;
}

type Dump = Record<string, Array<Record<string, unknown>>>;

/** Every row of every backed-up table, in primary-key order (JS sort: same order on both databases). */
async function dump(t: Target): Promise<Dump> {
  const dbh = openDb({ dataDir: t.dataDir, databaseUrl: t.url, poolSize: 1 });
  try {
    const out: Dump = {};
    for (const table of DATA_TABLES) {
      const spec = TABLES[table].key;
      const cols: readonly string[] = typeof spec === 'string' ? [spec] : spec;
      const sortKey = (r: Record<string, unknown>) => JSON.stringify(cols.map((c) => r[c]));
      const rows = (await dbh.db.selectFrom(table).selectAll().execute()) as Array<Record<string, unknown>>;
      out[table] = rows.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1));
    }
    return out;
  } finally {
    await dbh.close();
  }
}

function fileHashes(dataDir: string): Record<string, string> {
  const root = path.join(dataDir, 'files');
  const out: Record<string, string> = {};
  for (const rel of fs.readdirSync(root, { recursive: true }) as string[]) {
    const p = path.join(root, rel);
    if (fs.statSync(p).isFile()) out[rel] = createHash('sha256').update(fs.readFileSync(p)).digest('hex');
  }
  return out;
}

/** True when a target holds nothing: empty (or absent) data folder and, on PostgreSQL, no tables. */
async function untouched(t: Target): Promise<boolean> {
  if (fs.existsSync(t.dataDir) && fs.readdirSync(t.dataDir).length) return false;
  if (!t.url) return true;
  const dbh = openDb({ dataDir: t.dataDir, databaseUrl: t.url, poolSize: 1 });
  try {
    const tables = await dbh.db.introspection.getTables({ withInternalKyselyTables: true });
    return tables.length === 0;
  } finally {
    await dbh.close();
  }
}

interface Source {
  target: Target;
  backup: string;
  rows: Dump;
  files: Record<string, string>;
}

/** An installation with an admin, a lawyer and uploads (one spanning several 1 MiB chunks), backed up. */
async function makeSource(backend: Backend, sealed = false): Promise<Source> {
  const target = await newTarget(backend);
  const seal = sealed ? ['--sealed', '--passphrase-file', SEAL_PW] : [];
  await ok(
    target,
    'setup',
    '--org',
    `Org ${MARKER}`,
    '--admin-email',
    `admin-${MARKER}@example.org`,
    '--admin-password-file',
    ADMIN_PW,
    ...seal,
    '--json',
  );
  if (backend === 'sqlite' && !sealed)
    await ok(
      target,
      'user',
      'add',
      '--email',
      `lawyer@example.org`,
      '--role',
      'lawyer',
      '--password-file',
      ADMIN_PW,
      '--json',
    );
  const files = path.join(target.dataDir, 'files');
  fs.mkdirSync(path.join(files, 'case', 'nested'), { recursive: true });
  fs.writeFileSync(path.join(files, 'big.bin'), randomBytes(2.5 * 1024 * 1024));
  fs.writeFileSync(path.join(files, 'case', 'nested', 'note.txt'), `testimony ${MARKER}\n`);
  fs.writeFileSync(path.join(files, 'case', 'empty.txt'), '');
  const backup = path.join(scratch(), 'ukuk.backup');
  await ok(target, 'backup', 'create', '--out', backup, '--passphrase-file', BACKUP_PW);
  return { target, backup, rows: await dump(target), files: fileHashes(target.dataDir) };
}

/** Restored rows equal the source's, except what a restore changes by design. */
function assertSameRows(src: Dump, dst: Dump): void {
  for (const table of DATA_TABLES) {
    if (table === 'audit_log' || table === 'settings' || table === 'system_state') continue;
    assert.deepEqual(dst[table], src[table], `table ${table}`);
  }
  const head = (rows: Dump[string]) => rows.filter((r) => r.key !== 'audit.head');
  assert.deepEqual(head(dst.settings!), head(src.settings!));
  assert.deepEqual(dst.audit_log!.slice(0, src.audit_log!.length), src.audit_log);
  assert.equal(src.audit_log!.at(-1)!.action, 'backup.create', 'the backup holds its own audit entry');
  assert.deepEqual(
    dst.audit_log!.slice(src.audit_log!.length).map((r) => r.action),
    ['backup.restore'],
  );
  const [s, d] = [src.system_state![0]!, dst.system_state![0]!];
  assert.equal(d.epoch, Number(s.epoch) + 1);
}

async function assertRoundTrip(src: Source, to: Backend): Promise<void> {
  const dst = await newTarget(to);
  const r = await ok(dst, 'backup', 'restore', src.backup, '--passphrase-file', BACKUP_PW);
  assert.match(r.stdout, /Restored \d+ rows and 3 files/);
  assertSameRows(src.rows, await dump(dst));
  assert.deepEqual(fileHashes(dst.dataDir), src.files);
  assert.equal(fs.statSync(path.join(dst.dataDir, 'ukuk.key')).mode & 0o777, 0o600);
  const v = await ok(dst, 'audit', 'verify');
  assert.match(v.stdout, new RegExp(`intact: ${src.rows.audit_log!.length + 1} entries`));
  await ok(
    dst,
    'user',
    'add',
    '--email',
    'after-restore@example.org',
    '--role',
    'lawyer',
    '--password-file',
    ADMIN_PW,
  );
}

const list = await backends();
const sources = new Map<Backend, Source>();

describe('ukuk backup create / restore', { concurrency: true }, () => {
  before(async () => {
    for (const [b, s] of await Promise.all(list.map(async (b) => [b, await makeSource(b)] as const)))
      sources.set(b, s);
  });
  after(async () => {
    await Promise.all(pgDrops.map((d) => d()));
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  for (const from of list) {
    for (const to of list) {
      if (from === 'postgres' && to === 'sqlite') continue;
      test(`round trip ${from} → ${to}: rows, files, audit chain, working installation`, () =>
        assertRoundTrip(sources.get(from)!, to));
    }
  }

  test('the backup file holds no plaintext: markers in org name, e-mail and files are not found', () => {
    for (const s of sources.values()) {
      const bytes = fs.readFileSync(s.backup);
      assert.equal(bytes.indexOf(MARKER), -1);
      assert.equal(bytes.indexOf('example.org'), -1);
      assert.equal(bytes.indexOf('backup.create'), -1);
      assert.equal(fs.statSync(s.backup).mode & 0o777, 0o600);
    }
  });

  test('wrong passphrase, truncated file and a flipped byte: non-zero exit, clear message, nothing written', async () => {
    const src = sources.get('sqlite')!;
    const bytes = fs.readFileSync(src.backup);
    const truncated = path.join(work, 'truncated.backup');
    fs.writeFileSync(truncated, bytes.subarray(0, bytes.length - 1000));
    const flipped = path.join(work, 'flipped.backup');
    const f = Buffer.from(bytes);
    f[Math.floor(f.length * 0.7)]! ^= 0x10;
    fs.writeFileSync(flipped, f);
    const cases: Array<[string, string, RegExp]> = [
      [src.backup, WRONG_PW, /Wrong backup passphrase/],
      [truncated, BACKUP_PW, /truncated/],
      [flipped, BACKUP_PW, /damaged/],
    ];
    // Every case on SQLite; on PostgreSQL one is enough (the checks run before the target is opened).
    const runs = [
      ...cases.map((c) => ['sqlite', c] as const),
      ...(list.includes('postgres') ? [['postgres', cases[2]!] as const] : []),
    ];
    await Promise.all(
      runs.map(async ([to, [file, pw, message]]) => {
        const dst = await newTarget(to);
        const r = await ukuk(dst, 'backup', 'restore', file, '--passphrase-file', pw);
        assert.notEqual(r.code, 0);
        assert.match(r.stderr, message);
        assert.ok(await untouched(dst), `${to} target untouched after ${path.basename(file)}`);
      }),
    );
  });

  test('restore into a non-empty target is refused and changes nothing', async () => {
    const src = sources.get('sqlite')!;
    const before = await dump(src.target);
    const r = await ukuk(src.target, 'backup', 'restore', src.backup, '--passphrase-file', BACKUP_PW);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /data folder .* is not empty/);
    assert.deepEqual(await dump(src.target), before);
    if (list.includes('postgres')) {
      // Empty data folder, but a database that already has tables.
      const r = await ukuk(
        { dataDir: path.join(scratch(), 'd'), url: sources.get('postgres')!.target.url! },
        'backup',
        'restore',
        sources.get('postgres')!.backup,
        '--passphrase-file',
        BACKUP_PW,
      );
      assert.equal(r.code, 1);
      assert.match(r.stderr, /database at DATABASE_URL is not empty/);
    }
  });

  test('a failure while loading rolls everything back (here: the key file cannot be written)', async () => {
    // The key file's folder is a regular file: writing the key fails after all rows and files are loaded.
    const notADir = path.join(work, 'not-a-dir');
    fs.writeFileSync(notADir, '');
    for (const to of list) {
      const dst = { ...(await newTarget(to)), keyFile: path.join(notADir, 'ukuk.key') };
      const r = await ukuk(
        dst,
        'backup',
        'restore',
        sources.get('sqlite')!.backup,
        '--passphrase-file',
        BACKUP_PW,
      );
      assert.equal(r.code, 1, r.stdout);
      assert.match(r.stderr, /EEXIST|ENOTDIR/);
      assert.ok(await untouched(dst), `${to} target rolled back`);
    }
  });

  test('backup create refuses a short passphrase and an existing output file', async () => {
    const src = sources.get('sqlite')!;
    const short = secret('short-pw', 'eleven char');
    const r1 = await ukuk(
      src.target,
      'backup',
      'create',
      '--out',
      path.join(work, 'x.backup'),
      '--passphrase-file',
      short,
    );
    assert.equal(r1.code, 1);
    assert.match(r1.stderr, /at least 12 characters/);
    const r2 = await ukuk(
      src.target,
      'backup',
      'create',
      '--out',
      src.backup,
      '--passphrase-file',
      BACKUP_PW,
    );
    assert.equal(r2.code, 1);
    assert.match(r2.stderr, /already exists/);
    assert.equal(fs.existsSync(path.join(work, 'x.backup')), false);
  });

  test('passphrase (sealed) mode: no key file in the backup, restored system starts sealed and unseals', async () => {
    const src = await makeSource('sqlite', true);
    const dst = await newTarget('sqlite');
    const r = await ok(dst, 'backup', 'restore', src.backup, '--passphrase-file', BACKUP_PW);
    assert.match(r.stdout, /starts sealed/);
    assert.equal(fs.existsSync(path.join(dst.dataDir, 'ukuk.key')), false);
    const state = (await dump(dst)).system_state![0]!;
    assert.equal(state.sealed, 1);
    // The wrapped key came back with the database: the seal passphrase opens it. (Each CLI process is a
    // node of its own and starts sealed in this mode, so the CLI cannot show more than that.)
    await ok(dst, 'unseal', '--passphrase-file', SEAL_PW);
  });
});
