import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, test } from 'node:test';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/platform/config.ts';
import { createLogger } from '../../src/server/platform/logger.ts';
import { closeContext, createContext } from '../../src/server/runtime.ts';
import { Client } from '../helpers/client.ts';
import { backends, createPgDatabase, tempDir } from '../helpers/db.ts';
import { fetchBytes, gpsJpeg, textPdf, uploadTo, type Item } from '../helpers/evidence.ts';
import { scanForMarkers } from '../helpers/scan.ts';
import { totpFreshAsync } from '../helpers/totp.ts';

/**
 * Issue #4 "must hold": the marker scan of the data folder finds no plaintext of evidence. Markers go
 * into a file's content (a text file, a PDF's text, a photo's EXIF), its name and its description; the
 * job worker makes the thumbnail and indexes the PDF text; then the data folder (database, WAL, stored
 * files, thumbnails, search index), everything the app logged at `info` and a PostgreSQL dump are
 * scanned: zero hits. (The app runs in this process, logging into a buffer, so that a slow machine's
 * server start-up cannot fail the test.)
 */
for (const backend of await backends()) {
  describe(`evidence: no plaintext at rest (${backend})`, () => {
    test('markers in evidence content, names, descriptions and PDF text appear nowhere', async () => {
      const dataDir = tempDir('ukuk-ev-scan-');
      const pg = backend === 'postgres' ? await createPgDatabase() : undefined;
      const logs: string[] = [];
      const config = loadConfig({
        UKUK_DATA_DIR: dataDir,
        DATABASE_URL: pg?.url,
        UKUK_WEB_DIR: `${dataDir}/w`,
      });
      const ctx = await createContext(
        config,
        createLogger('info', { write: (s: string) => void logs.push(s) }),
      );
      const app = await buildApp(ctx);
      await app.listen({ port: 0, host: '127.0.0.1' });
      const addr = app.server.address();
      const url0 = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
      const M = (n: string) => `Zqx${n}Evm`;
      const markers = ['Content', 'Pdftext', 'Exif', 'Name', 'Descr', 'Pname', 'Pdescr'].map(M);
      try {
        const c = new Client(url0);
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
        const ev = await c.post<{ id: string }>('/api/violations/events', { title: 'Scan event' });
        assert.equal(ev.status, 201, JSON.stringify(ev.body));
        const url = `/api/violations/events/${ev.body.id}/evidence`;
        const uploads = [
          await uploadTo(c, url, `${M('Name')}.txt`, Buffer.from(`Witness: ${M('Content')}\n`), {
            fields: { description: `Сүрөттөмө ${M('Descr')}` },
          }),
          await uploadTo(c, url, 'statement.pdf', textPdf(['Statement', `Signed by ${M('Pdftext')}`])),
          await uploadTo(c, url, 'photo.jpg', await gpsJpeg(M('Exif'))),
        ];
        const p = await c.post<{ id: string }>('/api/people', { names: [{ full: 'Scan Person' }] });
        uploads.push(
          await uploadTo(c, `/api/people/${p.body.id}/evidence`, `${M('Pname')}.pdf`, textPdf(['x']), {
            fields: { description: M('Pdescr') },
          }),
        );
        for (const u of uploads) assert.equal(u.status, 201, JSON.stringify(u.body));
        // The job worker: thumbnail made, PDF text indexed.
        while (await ctx.jobs.runOnce()) {
          /* run every due job */
        }
        for (const u of uploads) {
          const item = (await c.get<Item>(`/api/violations/evidence/${u.body.id}`)).body;
          assert.equal(item.derived, true, 'derived by the job worker');
          assert.equal(item.textIndexed, true);
        }
        const photo = (await c.get<Item>(`/api/violations/evidence/${uploads[2]!.body.id}`)).body;
        assert.equal(photo.hasThumbnail, true);
        // Reads and downloads go through the logs too.
        for (const u of uploads) {
          assert.equal((await fetchBytes(c, `/api/violations/evidence/${u.body.id}/download`)).status, 200);
          await c.get(`/api/violations/evidence/${u.body.id}/custody`);
        }
        await fetchBytes(c, `/api/violations/evidence/${photo.id}/thumbnail`);
        await c.get(`${url}`);
        await c.post('/api/violations/evidence/verify');
      } finally {
        await app.close();
        await closeContext(ctx);
      }
      const report = scanForMarkers({
        dataDir,
        databaseUrl: pg?.url,
        texts: { 'app log': logs.join('') },
        markers,
      });
      assert.ok(report.scanned.length > 3, report.scanned.join(', '));
      assert.deepEqual(report.hits, []);
      // The scan can fail: the same markers in clear are found.
      assert.equal(
        scanForMarkers({ texts: { planted: markers.join(' ') }, markers }).hits.length,
        markers.length,
      );
      assert.ok(logs.length > 20, 'requests were logged');
      await pg?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });
  });
}
