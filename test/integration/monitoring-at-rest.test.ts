import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { Client } from '../helpers/client.ts';
import { backends } from '../helpers/db.ts';
import { CHECKLIST, goodAnswers } from '../helpers/monitoring.ts';
import { scanForMarkers } from '../helpers/scan.ts';
import { startServer } from '../helpers/server.ts';
import { totpFreshAsync } from '../helpers/totp.ts';

/**
 * Answers, review comments, rejection reasons and uploaded media are sensitive (issue #5; SECURITY.md):
 * plant a marker in each, read them back, make a violation record of the report, then scan the data
 * folder (database, WAL, file store), the PostgreSQL dump and the server log: zero hits.
 */
for (const backend of await backends()) {
  describe(`monitoring: no plaintext at rest (${backend})`, () => {
    test('markers in an answer, a comment, a reason and an upload appear nowhere', async () => {
      const srv = await startServer({ backend, env: { UKUK_LOG_LEVEL: 'info' } });
      const M = (n: string) => `Mqz${n}Rst`;
      const markers = ['Answer', 'Comment', 'Reason', 'Media', 'FileName'].map(M);
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
        const form = await c.post<{ id: string }>('/api/monitoring/forms', { definition: CHECKLIST });
        assert.equal(form.status, 201, JSON.stringify(form.body));
        const pub = await c.post<{ versionId: string }>(`/api/monitoring/forms/${form.body.id}/publish`);
        const m = await c.post<{ id: string }>('/api/monitoring/missions', {
          kind: 'election',
          title: 'Scan',
        });
        await c.put(`/api/monitoring/missions/${m.body.id}/forms`, { formVersionIds: [pub.body.versionId] });
        const site = await c.post<{ id: string }>(`/api/monitoring/missions/${m.body.id}/sites`, {
          code: 'S1',
          name: 'Station',
          region: 'KG-C',
        });
        await c.patch(`/api/monitoring/missions/${m.body.id}`, { status: 'active' });

        const jpeg = Buffer.concat([
          Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
          Buffer.from(` ${M('Media')} `.repeat(40)),
        ]);
        const up = await c.post<{ id: string }>('/api/monitoring/uploads', {
          clientId: randomUUID(),
          size: jpeg.length,
          sha256: createHash('sha256').update(jpeg).digest('hex'),
          name: `${M('FileName')}.jpg`,
        });
        assert.equal(up.status, 201, JSON.stringify(up.body));
        const put = await fetch(`${srv.url}/api/monitoring/uploads/${up.body.id}?offset=0`, {
          method: 'PUT',
          headers: {
            cookie: c.cookieHeader(),
            'x-csrf-token': c.csrf!,
            'content-type': 'application/octet-stream',
          },
          body: new Uint8Array(jpeg),
        });
        assert.deepEqual(await put.json(), { received: jpeg.length, complete: true });

        const s = await c.post<{ id: string }>('/api/monitoring/submissions', {
          clientId: randomUUID(),
          formVersionId: pub.body.versionId,
          siteId: site.body.id,
          answers: goodAnswers({ notes: `Байкоо ${M('Answer')}`, photo: up.body.id }),
          submittedAt: new Date().toISOString(),
        });
        assert.equal(s.status, 201, JSON.stringify(s.body));
        const id = s.body.id;
        assert.equal(
          (await c.post(`/api/monitoring/submissions/${id}/comments`, { body: `Эскертүү ${M('Comment')}` }))
            .status,
          200,
        );
        await c.post(`/api/monitoring/submissions/${id}/transition`, { to: 'in_review' });
        const rej = await c.post(`/api/monitoring/submissions/${id}/transition`, {
          to: 'rejected',
          reason: `Себеп ${M('Reason')}`,
        });
        assert.equal(rej.status, 200, JSON.stringify(rej.body));
        const v = await c.post(`/api/monitoring/submissions/${id}/to-violation`);
        assert.equal(v.status, 200, JSON.stringify(v.body));
        const got = await c.get<{ answers: { notes: string }; comments: { body: string }[] }>(
          `/api/monitoring/submissions/${id}`,
        );
        assert.equal(got.body.answers.notes, `Байкоо ${M('Answer')}`);
        assert.equal(got.body.comments[0]?.body, `Эскертүү ${M('Comment')}`);
        await srv.stop({ keep: true });
        const report = scanForMarkers({
          dataDir: srv.dataDir,
          databaseUrl: srv.databaseUrl,
          texts: { log: srv.logs() },
          markers,
        });
        assert.ok(report.scanned.length > 0);
        assert.deepEqual(report.hits, []);
      } finally {
        await srv.stop().catch(() => undefined);
        await srv.cleanup();
      }
    });
  });
}
