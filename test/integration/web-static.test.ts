import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { tempDir } from '../helpers/db.ts';

const page = (script: string) =>
  `<!doctype html><html><body><script src="/assets/${script}"></script></body></html>`;

/**
 * The built web app as the server hands it out. A rebuild (`npm run build`) on a running server replaces
 * index.html and its hashed asset files: the next page load must get the new page, whose assets exist,
 * not the old one kept in memory (a blank app until a restart). Static files need no database: SQLite only.
 */
describe('web app files after a rebuild', () => {
  let t: TestApp;
  let web: string;
  before(async () => {
    web = path.join(tempDir(), 'web');
    fs.mkdirSync(path.join(web, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(web, 'index.html'), page('index-old.js'));
    fs.writeFileSync(path.join(web, 'assets', 'index-old.js'), 'console.log("old")');
    t = await startTestApp('sqlite', { UKUK_WEB_DIR: web });
  });
  after(async () => t?.close());

  const get = (p: string) => fetch(`${t.url}${p}`);

  test('a page of the app is index.html, never cached; assets are cached for ever', async () => {
    const r = await get('/monitoring/missions');
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('cache-control'), 'no-cache');
    assert.match(await r.text(), /index-old\.js/);
    const a = await get('/assets/index-old.js');
    assert.equal(a.status, 200);
    assert.match(a.headers.get('cache-control') ?? '', /immutable/);
    assert.equal((await get('/api/no-such-thing')).status, 404);
  });

  test('after a rebuild the next page load names the new assets, and they are served', async () => {
    fs.rmSync(path.join(web, 'assets', 'index-old.js'));
    fs.writeFileSync(path.join(web, 'assets', 'index-new.js'), 'console.log("new")');
    fs.writeFileSync(path.join(web, 'index.html'), page('index-new.js'));
    // A file system whose clock is coarse could keep the same time for both writes.
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(path.join(web, 'index.html'), later, later);
    const r = await get('/cases');
    assert.match(await r.text(), /index-new\.js/);
    assert.equal((await get('/assets/index-new.js')).status, 200);
    assert.equal((await get('/assets/index-old.js')).status, 404);
  });

  test('a path out of the web folder is not served', async () => {
    for (const p of [
      '/assets/../../etc/hostname.txt',
      '/..%2f..%2fetc%2fhostname.txt',
      '/%2e%2e/%2e%2e/etc/passwd.js',
    ])
      assert.equal((await get(p)).status, 404, p);
  });
});
