import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { Client } from '../helpers/client.ts';
import { backends } from '../helpers/db.ts';
import { scanForMarkers } from '../helpers/scan.ts';
import { startServer } from '../helpers/server.ts';
import { totpFreshAsync } from '../helpers/totp.ts';

for (const backend of await backends()) {
  describe(`no plaintext of staff identities at rest (${backend})`, () => {
    test('marker names and e-mails appear nowhere in the data folder, the database or the logs', async () => {
      const srv = await startServer({ backend, env: { UKUK_LOG_LEVEL: 'info' } });
      const markers = ['Zqxmarkername', 'zqxmarkermail', 'Өзгөчөмаркер', 'Zqxinvitee'];
      try {
        const admin = new Client(srv.url);
        const setup = await admin.post('/api/setup', {
          orgName: 'Scan',
          defaultLocale: 'ky',
          adminName: `Айгүл ${markers[0]}`,
          adminEmail: `${markers[1]}@example.org`,
          adminPassword: 'Ысык-Көл 2026 жайы!',
        });
        assert.equal(setup.status, 200);
        const info = await admin.get<{ secret: string }>('/api/auth/totp/enroll');
        assert.equal(
          (await admin.post('/api/auth/totp/enroll', { code: await totpFreshAsync(info.body.secret) }))
            .status,
          200,
        );
        const inv = await admin.post<{ inviteUrl: string }>('/api/users', {
          email: `${markers[3]}@example.org`,
          name: markers[2],
          role: 'lawyer',
          locale: 'ru',
        });
        const invited = new Client(srv.url);
        assert.equal(
          (
            await invited.post(`/api/invite/${inv.body.inviteUrl.split('/').pop()!}`, {
              name: `${markers[2]} Исмаилова`,
              password: 'Нарын 2026 кышы узун!',
            })
          ).status,
          200,
        );
        await invited.get('/api/auth/totp/enroll');
        await admin.get('/api/users');
        await admin.get('/api/audit');
        await new Client(srv.url).post('/api/auth/login', {
          email: `${markers[1]}@example.org`,
          password: 'wrong-password-here',
        });
      } finally {
        await srv.stop({ keep: true });
      }
      const report = scanForMarkers({
        dataDir: srv.dataDir,
        databaseUrl: srv.databaseUrl,
        texts: { 'server log': srv.logs() },
        markers,
      });
      console.log(`scanned: ${report.scanned.join(', ')}`);
      assert.ok(report.scanned.length >= 2);
      assert.deepEqual(report.hits, []);
      // The scanner itself must be able to find a marker (a scan that cannot fail proves nothing).
      fs.writeFileSync(path.join(srv.dataDir, 'planted.txt'), markers[0]!);
      assert.equal(scanForMarkers({ dataDir: srv.dataDir, markers }).hits.length, 1);
      await srv.cleanup();
    });
  });
}
