// `npm test`: every test — unit, integration (SQLite and PostgreSQL), catalog check, browser — then one
// line `N passed, N failed`. Under CI=true the PostgreSQL and browser suites are required, not skipped.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureWebBuilt } from './web-build.mjs';

const root = path.resolve(import.meta.dirname, '..');
const only = process.argv.slice(2);

function find(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory()
        ? find(path.join(dir, e.name))
        : e.name.endsWith('.test.ts')
          ? [path.join(dir, e.name)]
          : [],
    )
    .sort();
}

const groups = only.length ? only : ['test/unit', 'test/integration', 'test/e2e'];
const files = groups.flatMap((g) => (g.endsWith('.ts') ? [g] : find(path.join(root, g))));
if (groups.some((g) => g.includes('e2e'))) ensureWebBuilt();

const env = { ...process.env };
if (process.env.CI === 'true') {
  env.UKUK_TEST_PG = env.UKUK_TEST_PG ?? 'required';
  env.UKUK_TEST_BROWSER = env.UKUK_TEST_BROWSER ?? 'required';
}

const args = [
  '--import',
  'tsx',
  '--test',
  '--test-reporter=spec',
  '--test-reporter-destination=stdout',
  '--test-reporter=tap',
  '--test-reporter-destination=.test-results.tap',
  '--test-concurrency=2',
  ...files,
];
const child = spawn(process.execPath, args, { cwd: root, env, stdio: 'inherit' });
child.on('exit', (code) => {
  const tap = fs.existsSync(path.join(root, '.test-results.tap'))
    ? fs.readFileSync(path.join(root, '.test-results.tap'), 'utf8')
    : '';
  const num = (k) => Number((tap.match(new RegExp(`^# ${k} (\\d+)`, 'm')) ?? [])[1] ?? 0);
  const passed = num('pass');
  const failed = num('fail') + num('cancelled');
  const skipped = num('skipped');
  console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  process.exit(code === 0 && failed === 0 ? 0 : 1);
});
