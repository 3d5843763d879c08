import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const DIST = path.resolve(import.meta.dirname, '../../dist');
// Strings that look like URLs but are never fetched: XML namespaces and links inside library error texts.
const NOT_FETCHED = [
  /^http:\/\/www\.w3\.org\//,
  /^https:\/\/react\.dev\/errors\//,
  /^https:\/\/react\.i18next\.com\//,
  /^https:\/\/mantine\.dev\//,
  /^https:\/\/simplewebauthn\.dev\//,
  /^http:\/\/localhost$/,
];

function files(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

test(
  'the built web app loads nothing from outside the server',
  { skip: !fs.existsSync(DIST) && 'dist/ not built (npm test builds it)' },
  () => {
    const offenders: string[] = [];
    for (const f of files(DIST).filter((x) => /\.(js|css|html|json|webmanifest)$/.test(x))) {
      const text = fs.readFileSync(f, 'utf8');
      for (const m of text.matchAll(
        /(?:https?:)?\/\/[a-zA-Z0-9.-]+\.[a-zA-Z]{2,}[^\s"'`)]*|https?:\/\/localhost/g,
      )) {
        const url = m[0];
        if (!url.startsWith('http')) {
          // Protocol-relative URLs only matter in markup and CSS, where the browser would fetch them.
          if (/\.(css|html)$/.test(f)) offenders.push(`${path.relative(DIST, f)}: ${url}`);
          continue;
        }
        if (!NOT_FETCHED.some((re) => re.test(url))) offenders.push(`${path.relative(DIST, f)}: ${url}`);
      }
    }
    assert.deepEqual(offenders, []);
    const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script in index.html');
  },
);

test(
  'the field app precaches what it needs offline, not the whole office app',
  { skip: !fs.existsSync(path.join(DIST, 'sw.js')) && 'dist/ not built (npm test builds it)' },
  () => {
    const sw = fs.readFileSync(path.join(DIST, 'sw.js'), 'utf8');
    const urls = [...sw.matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]!);
    const has = (name: string) => urls.some((u) => new RegExp(`^assets/${name}-[\\w-]+\\.js$`).test(u));
    for (const needed of ['index', 'FieldApp', 'LoginPage', 'TotpPage', 'polyfill-force'])
      assert.ok(has(needed), `${needed} is precached`);
    for (const office of ['EventsPage', 'CasesPage', 'ViolationStatsPage', 'UsersPage'])
      assert.ok(!has(office), `${office} is not precached`);
    assert.ok(urls.includes('index.html'));
  },
);
