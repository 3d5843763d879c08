// `npm test`: every test — unit, integration (SQLite and PostgreSQL), catalog check, browser — then one
// line `N passed, N failed`. Under CI=true the PostgreSQL and browser suites are required, not skipped.
// The browser suites run after the others, not beside them: on 2 cores they would starve each other.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureServerBuilt } from './server-build.mjs';
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
const isBrowser = (f) => f.includes(`${path.sep}e2e${path.sep}`) || f.includes('/e2e/');
const phases = [files.filter((f) => !isBrowser(f)), files.filter(isBrowser)].filter((p) => p.length);
if (phases.some((p) => p.some(isBrowser))) ensureWebBuilt();
// Built once here, before test files run side by side and would each find it stale.
ensureServerBuilt();

const env = { ...process.env };
if (process.env.CI === 'true') {
  env.UKUK_TEST_PG = env.UKUK_TEST_PG ?? 'required';
  env.UKUK_TEST_BROWSER = env.UKUK_TEST_BROWSER ?? 'required';
}

/**
 * The failed tests of a TAP report with their diagnostics (error, expected/actual, location), leaving
 * out the parents that failed only because a child did. CI shows the end of the output, so these are
 * printed last: a failure in a 40-minute run must be readable without running it again.
 */
function failuresOf(tap) {
  const lines = tap.split('\n');
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    const m = lines[i].match(/^(\s*)not ok \d+ - (.*)$/);
    if (!m) continue;
    const diag = [];
    let j = i + 1;
    if (lines[j]?.trim() === '---') {
      for (j++; j < lines.length && lines[j].trim() !== '...'; j++) diag.push(lines[j].trim());
    }
    if (diag.some((d) => d.includes("failureType: 'subtestsFailed'"))) continue;
    const keep = diag
      .filter((d) => !/^(duration_ms|type|failureType|code):|^node:|\(node:|\(<anonymous>\)/.test(d))
      .slice(0, 30);
    out.push(`✖ ${m[2]}\n  ${keep.join('\n  ')}`);
  }
  return out;
}

function run(phaseFiles, i) {
  // The pid keeps two runs on one checkout (two engineers, or a run and a bench) from sharing a file.
  const tap = path.join(root, `.test-results.${process.pid}.${i}.tap`);
  fs.rmSync(tap, { force: true });
  const args = ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-reporter-destination=stdout'];
  args.push(
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    // Browser files one at a time: each already runs SQLite and PostgreSQL side by side (two servers
    // and a Chromium); two such files at once on a 2-core machine made waits time out at random.
    `--test-concurrency=${phaseFiles.some(isBrowser) ? 1 : 2}`,
    ...phaseFiles,
  );
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: 'inherit' });
    child.on('exit', (code) => {
      const text = fs.existsSync(tap) ? fs.readFileSync(tap, 'utf8') : '';
      const num = (k) => Number((text.match(new RegExp(`^# ${k} (\\d+)`, 'm')) ?? [])[1] ?? 0);
      resolve({
        code,
        passed: num('pass'),
        failed: num('fail') + num('cancelled'),
        skipped: num('skipped'),
        failures: failuresOf(text),
      });
    });
  });
}

let passed = 0;
let failed = 0;
let skipped = 0;
let exit = 0;
const failures = [];
for (const [i, p] of phases.entries()) {
  const r = await run(p, i);
  passed += r.passed;
  failed += r.failed;
  skipped += r.skipped;
  failures.push(...r.failures);
  if (r.code !== 0) exit = 1;
}
if (failures.length) console.log(`\nFailed tests:\n${failures.join('\n')}`);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(exit === 0 && failed === 0 ? 0 : 1);
