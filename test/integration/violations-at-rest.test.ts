import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { openDb } from '../../src/server/platform/db/db.ts';
import { Client } from '../helpers/client.ts';
import { backends } from '../helpers/db.ts';
import { scanForMarkers } from '../helpers/scan.ts';
import { startServer } from '../helpers/server.ts';
import { totpFreshAsync } from '../helpers/totp.ts';
import { ensureVioTerms, VC } from '../helpers/violations.ts';

/**
 * Issue #4 "must hold": plant a unique marker in every sensitive field of a violation record (event
 * title, description and place; act place, consequences and add-on notes; remarks of involvements,
 * information and interventions; the victim's name), read and search them, then scan the data folder
 * (database, WAL, search index), the PostgreSQL dump and the server log: zero hits.
 */
for (const backend of await backends()) {
  describe(`violations: no plaintext at rest (${backend})`, () => {
    test('markers in every sensitive violation field appear nowhere', async () => {
      const srv = await startServer({ backend, env: { UKUK_LOG_LEVEL: 'info' } });
      const M = (n: string) => `Vqz${n}Mrk`;
      const markers = [
        'Victim',
        'Perp',
        'Title',
        'Descr',
        'Place',
        'ActPlace',
        'Conseq',
        'Notes',
        'InvRem',
        'InfoRem',
        'IntRem',
      ].map(M);
      try {
        const c = new Client(srv.url);
        const setup = await c.post('/api/setup', {
          orgName: 'Scan',
          defaultLocale: 'ky',
          adminName: 'Admin',
          adminEmail: 'a@example.org',
          adminPassword: 'Ысык-Көл 2026 жайы!',
        });
        assert.equal(setup.status, 200);
        const info = await c.get<{ secret: string }>('/api/auth/totp/enroll');
        await c.post('/api/auth/totp/enroll', { code: await totpFreshAsync(info.body.secret) });
        const dbh = openDb({ dataDir: srv.dataDir, databaseUrl: srv.databaseUrl });
        try {
          await ensureVioTerms(dbh);
        } finally {
          await dbh.close();
        }
        const person = async (full: string) =>
          (await c.post<{ id: string }>('/api/people', { names: [{ full }] })).body.id;
        const victim = await person(`Айгүл ${M('Victim')}`);
        const perp = await person(`Офицер ${M('Perp')}`);
        const ev = await c.post<{ id: string }>('/api/violations/events', {
          title: `Кармоо ${M('Title')}`,
          description: `Баян ${M('Descr')}`,
          place: `Бишкек ${M('Place')}`,
          region: 'KG-GB',
          restricted: true,
        });
        assert.equal(ev.status, 201, JSON.stringify(ev.body));
        const id = ev.body.id;
        const act = await c.post<{ id: string }>(`/api/violations/events/${id}/acts`, {
          victimId: victim,
          actType: VC.actA,
          place: M('ActPlace'),
          consequences: `жаракат ${M('Conseq')}`,
          details: { kind: 'arrest', whereabouts: VC.top, notes: M('Notes') },
        });
        assert.equal(act.status, 201, JSON.stringify(act.body));
        const steps = [
          c.post(`/api/violations/acts/${act.body.id}/involvements`, {
            perpetratorId: perp,
            remarks: M('InvRem'),
          }),
          c.post(`/api/violations/events/${id}/information`, { sourceId: victim, remarks: M('InfoRem') }),
          c.post(`/api/violations/events/${id}/interventions`, { partyId: perp, remarks: M('IntRem') }),
        ];
        for (const s of await Promise.all(steps)) assert.equal(s.status, 201, JSON.stringify(s.body));
        // Reads and searches go through the logs too; the search must find the event by its words.
        const got = await c.get<{ title: string }>(`/api/violations/events/${id}`);
        assert.equal(got.body.title, `Кармоо ${M('Title')}`);
        for (const q of [M('Title'), M('Conseq'), M('Place')]) {
          const r = await c.get<{ items: { id: string }[] }>(
            `/api/violations/events?q=${encodeURIComponent(q)}`,
          );
          assert.deepEqual(
            r.body.items.map((x) => x.id),
            [id],
            q,
          );
        }
        await c.get(`/api/people/${victim}/violations`);
      } finally {
        await srv.stop({ keep: true });
      }
      const report = scanForMarkers({
        dataDir: srv.dataDir,
        databaseUrl: srv.databaseUrl,
        texts: { 'server log': srv.logs() },
        markers,
      });
      assert.ok(report.scanned.length > 1);
      assert.deepEqual(report.hits, []);
      await srv.cleanup();
    });
  });
}
