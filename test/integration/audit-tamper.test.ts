import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { appendAuditMany } from '../../src/server/platform/audit/audit.ts';
import { openDb, type DbHandle } from '../../src/server/platform/db/db.ts';
import { runCli } from '../helpers/cli.ts';
import { backends, createPgDatabase, tempDir } from '../helpers/db.ts';

for (const backend of await backends()) {
  describe(`audit verify detects tampering (${backend})`, () => {
    let dataDir: string;
    let databaseUrl: string | undefined;
    let drop: (() => Promise<void>) | undefined;
    let dbh: DbHandle;
    const env = () => ({ UKUK_DATA_DIR: dataDir, DATABASE_URL: databaseUrl });

    before(async () => {
      dataDir = tempDir();
      if (backend === 'postgres') {
        const pg = await createPgDatabase();
        databaseUrl = pg.url;
        drop = () => pg.drop();
      }
      const pw = path.join(dataDir, 'pw');
      fs.writeFileSync(pw, 'Audit-test-passphrase-2026\n');
      assert.equal(
        (
          await runCli(
            [
              'setup',
              '--org',
              'Tamper',
              '--admin-email',
              'a@example.org',
              '--admin-password-file',
              pw,
              '--json',
            ],
            env(),
          )
        ).code,
        0,
      );
      for (const role of ['lawyer', 'monitor', 'viewer']) {
        assert.equal(
          (
            await runCli(
              ['user', 'add', '--email', `${role}@example.org`, '--role', role, '--password-file', pw],
              env(),
            )
          ).code,
          0,
        );
      }
      dbh = openDb({ dataDir, databaseUrl });
    });
    after(async () => {
      await dbh.close();
      await drop?.();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    async function verify() {
      return runCli(['audit', 'verify'], env());
    }
    async function snapshot() {
      return dbh.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    }
    async function restore(rows: Awaited<ReturnType<typeof snapshot>>) {
      await dbh.db.deleteFrom('audit_log').execute();
      await dbh.db.insertInto('audit_log').values(rows).execute();
    }

    test('an intact chain verifies', async () => {
      const r = await verify();
      assert.equal(r.code, 0, r.stdout + r.stderr);
      // Setup, three users, and whatever the first start records (e.g. the shipped form templates).
      const n = (await snapshot()).length;
      assert.ok(n >= 5, String(n));
      assert.match(r.stdout, new RegExp(`intact: ${n} entries`));
    });

    test('an edited entry is named', async () => {
      const rows = await snapshot();
      await dbh.db
        .updateTable('audit_log')
        .set({ action: 'user.create_FORGED' })
        .where('seq', '=', 3)
        .execute();
      const r = await verify();
      assert.equal(r.code, 1);
      assert.match(r.stdout, /BROKEN at entry 3/);
      await restore(rows);
    });

    test('a deleted entry in the middle is named', async () => {
      const rows = await snapshot();
      await dbh.db.deleteFrom('audit_log').where('seq', '=', 2).execute();
      const r = await verify();
      assert.equal(r.code, 1);
      assert.match(r.stdout, /BROKEN at entry 2/);
      await restore(rows);
    });

    test('deleting the newest entry is detected by the head anchor', async () => {
      const rows = await snapshot();
      await dbh.db.deleteFrom('audit_log').where('seq', '=', rows.length).execute();
      const r = await verify();
      await restore(rows);
      assert.equal(r.code, 1);
      assert.match(r.stdout, new RegExp(`BROKEN at entry ${rows.length}`));
    });

    test('reordered entries are named', async () => {
      const rows = await snapshot();
      const a = rows[1]!;
      const b = rows[2]!;
      await dbh.db.deleteFrom('audit_log').where('seq', 'in', [a.seq, b.seq]).execute();
      await dbh.db
        .insertInto('audit_log')
        .values([
          { ...b, seq: a.seq },
          { ...a, seq: b.seq },
        ])
        .execute();
      const r = await verify();
      assert.equal(r.code, 1);
      assert.match(r.stdout, /BROKEN at entry 2/);
      await restore(rows);
    });

    test('an inserted (forged) entry is named', async () => {
      const rows = await snapshot();
      await sql`update audit_log set seq = seq + 1000 where seq >= 4`.execute(dbh.db);
      await sql`update audit_log set seq = seq - 999 where seq >= 1004`.execute(dbh.db);
      const forged = {
        ...rows[2]!,
        seq: 4,
        id: '01934b5e-0000-7000-8000-00000000beef',
        action: 'user.delete',
      };
      await dbh.db.insertInto('audit_log').values(forged).execute();
      const r = await verify();
      assert.equal(r.code, 1);
      assert.match(r.stdout, /BROKEN at entry 4/);
      await restore(rows);
      assert.equal((await verify()).code, 0);
    });

    test('a long append (statements of every size) keeps its order and verifies', async () => {
      const before = (await snapshot()).length;
      // 64 + 64 + 16 + 4 + 1 + 1 rows: every prepared statement size, twice the largest.
      const entries = Array.from({ length: 150 }, (_, i) => ({
        actorId: null,
        action: 'test.append',
        entityType: 'test',
        entityId: `e${String(i).padStart(3, '0')}`,
        details: { i },
      }));
      await dbh.db.transaction().execute((tx) => appendAuditMany(tx, dbh.kind, entries));
      const rows = (await snapshot()).slice(before);
      assert.deepEqual(
        rows.map((r) => [Number(r.seq), r.entity_id]),
        entries.map((e, i) => [before + i + 1, e.entityId]),
      );
      const r = await verify();
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.match(r.stdout, new RegExp(`intact: ${before + 150} entries`));
    });
  });
}
