import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { runCli } from '../helpers/cli.ts';
import { Client } from '../helpers/client.ts';
import { backends } from '../helpers/db.ts';
import { scanForMarkers } from '../helpers/scan.ts';
import { startServer } from '../helpers/server.ts';
import { totpFreshAsync } from '../helpers/totp.ts';

/**
 * Issue #3 "must hold": plant a unique marker in every encrypted field of a person, a case and its
 * work, an intake and the calendar/documents that hang off a case, then scan the whole data folder
 * (database, WAL, uploads, logs, a backup) and a PostgreSQL dump: zero hits.
 */
for (const backend of await backends()) {
  describe(`legal aid: no plaintext at rest (${backend})`, () => {
    test('markers in every sensitive field of people, cases, notes, tasks, time and intakes appear nowhere', async () => {
      const srv = await startServer({ backend, env: { UKUK_LOG_LEVEL: 'info' } });
      const M = (n: string) => `Zqx${n}Mrk`;
      const markers = [
        'Name',
        'Latin',
        'Alias',
        'Gender',
        'Passport',
        'Phone',
        'Hours',
        'Address',
        'Pnotes',
        'Title',
        'Summary',
        'Docket',
        'Outcome',
        'Note',
        'Task',
        'Time',
        'Descr',
        'Override',
        'Decision',
        'Referred',
      ].map(M);
      const birth = '1911-11-11';
      let backupDir = '';
      try {
        const c = new Client(srv.url);
        assert.equal(
          (
            await c.post('/api/setup', {
              orgName: 'Scan',
              defaultLocale: 'ky',
              adminName: 'Admin',
              adminEmail: 'a@example.org',
              adminPassword: 'Ысык-Көл 2026 жайы!',
            })
          ).status,
          200,
        );
        const info = await c.get<{ secret: string }>('/api/auth/totp/enroll');
        await c.post('/api/auth/totp/enroll', { code: await totpFreshAsync(info.body.secret) });
        const p = await c.post<{ id: string }>('/api/people', {
          names: [{ full: `Айгүл ${M('Name')}` }, { full: `Aigul ${M('Latin')}` }],
          aliases: [M('Alias')],
          gender: M('Gender'),
          birthDate: birth,
          idNumbers: [{ kind: 'passport', number: M('Passport') }],
          contacts: [{ kind: 'phone', value: M('Phone'), safe: true, hours: M('Hours') }],
          address: M('Address'),
          notes: M('Pnotes'),
          region: 'KG-C',
        });
        assert.equal(p.status, 201, JSON.stringify(p.body));
        const k = await c.post<{ id: string }>('/api/cases', {
          type: 'criminal_defence',
          title: M('Title'),
          summary: M('Summary'),
          docketNumber: M('Docket'),
          people: [{ personId: p.body.id, role: 'client' }],
        });
        assert.equal(k.status, 201, JSON.stringify(k.body));
        const id = k.body.id;
        assert.equal((await c.post(`/api/cases/${id}/notes`, { body: M('Note') })).status, 201);
        assert.equal((await c.post(`/api/cases/${id}/tasks`, { title: M('Task') })).status, 201);
        assert.equal(
          (
            await c.post(`/api/cases/${id}/time`, {
              workedOn: '2026-01-05',
              minutes: 30,
              activity: 'research',
              note: M('Time'),
            })
          ).status,
          201,
        );
        assert.equal(
          (
            await c.post(`/api/cases/${id}/close`, {
              closingCode: 'defence.acquitted',
              outcomeSummary: M('Outcome'),
            })
          ).status,
          200,
        );
        const other = await c.post<{ id: string }>('/api/people', { names: [{ full: 'Other Person' }] });
        const intake = await c.post<{ id: string }>('/api/intakes', { personId: other.body.id });
        await c.patch(`/api/intakes/${intake.body.id}`, {
          description: M('Descr'),
          caseType: 'civil',
          override: { eligible: true, reason: M('Override') },
        });
        await c.post(`/api/intakes/${intake.body.id}/conflict-check`);
        assert.equal(
          (
            await c.post(`/api/intakes/${intake.body.id}/decision`, {
              decision: 'refer',
              reason: M('Decision'),
              referredTo: M('Referred'),
            })
          ).status,
          200,
        );
        // Reads, searches and matches go through the logs too.
        await c.get(`/api/people/${p.body.id}`);
        await c.get(`/api/people?q=${encodeURIComponent(M('Name'))}`);
        await c.post('/api/people/match', { name: `Aigul ${M('Latin')}`, idNumber: M('Passport') });
        await c.get(`/api/cases/${id}/notes`);
        await c.get(`/api/cases/${id}/timeline`);
      } finally {
        await srv.stop({ keep: true });
      }
      backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ukuk-legal-backup-'));
      const pw = path.join(backupDir, 'pw');
      fs.writeFileSync(pw, 'backup passphrase for the scan test');
      const b = await runCli(
        ['backup', 'create', '--out', path.join(backupDir, 'ukuk.backup'), '--passphrase-file', pw],
        {
          UKUK_DATA_DIR: srv.dataDir,
          DATABASE_URL: srv.databaseUrl,
        },
      );
      assert.equal(b.code, 0, b.stderr);
      const report = scanForMarkers({
        dataDir: srv.dataDir,
        databaseUrl: srv.databaseUrl,
        texts: {
          'server log': srv.logs(),
          backup: fs.readFileSync(path.join(backupDir, 'ukuk.backup')).toString('latin1'),
        },
        markers: [...markers, birth],
      });
      console.log(`scanned: ${report.scanned.join(', ')}`);
      assert.deepEqual(report.hits, []);
      // The scan can fail: a planted marker is found.
      fs.writeFileSync(path.join(srv.dataDir, 'planted.txt'), markers[5]!);
      assert.equal(scanForMarkers({ dataDir: srv.dataDir, markers }).hits.length, 1);
      fs.rmSync(backupDir, { recursive: true, force: true });
      await srv.cleanup();
    });
  });
}
