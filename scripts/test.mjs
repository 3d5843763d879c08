// `npm test`: every test — unit, integration (SQLite and PostgreSQL), catalog check, browser — then one
// line `N passed, N failed`. Under CI=true the PostgreSQL and browser suites are required, not skipped.
// The browser suites run after the others, not beside them: on 2 cores they would starve each other.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
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
// A file whose head has the line `// @ukuk-test exclusive` runs alone, after the others: it breaks on
// purpose something the whole machine shares. The disk-full test fills a PostgreSQL tablespace, and
// until it is freed every checkpoint of the cluster fails, and with it other tests' DROP DATABASE.
const exclusive = new Set(
  files.filter((f) => /^\/\/ @ukuk-test exclusive/m.test(fs.readFileSync(f, 'utf8').slice(0, 4000))),
);
const isExclusive = (f) => exclusive.has(f);
const phases = [
  files.filter((f) => !isBrowser(f) && !isExclusive(f)),
  files.filter((f) => !isBrowser(f) && isExclusive(f)),
  files.filter(isBrowser),
].filter((p) => p.length);
if (phases.some((p) => p.some(isBrowser))) ensureWebBuilt();
// Built once here, before test files run side by side and would each find it stale.
ensureServerBuilt();

const env = { ...process.env };
if (process.env.CI === 'true') {
  env.UKUK_TEST_PG = env.UKUK_TEST_PG ?? 'required';
  env.UKUK_TEST_BROWSER = env.UKUK_TEST_BROWSER ?? 'required';
}

/**
 * Counts and failures of one phase from its results file (scripts/test-reporter.mjs: a JSON line per
 * test). The failures keep their error and place: CI shows the end of the output, so they are printed
 * last, and a failure in a 40-minute run must be readable without running it again.
 */
function resultsOf(file) {
  const rows = fs.existsSync(file)
    ? fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l))
    : [];
  const count = (status) => rows.filter((r) => r.status === status).length;
  const failures = rows
    .filter((r) => r.status === 'failed')
    .map((r) => {
      const where = r.file ? ` (${r.file}${r.line ? `:${r.line}` : ''})` : '';
      const why = [r.failureType, ...(r.error ?? '').split('\n')].filter(Boolean);
      return `✖ ${r.name}${where}\n  ${why.join('\n  ')}`;
    });
  return { passed: count('passed'), failed: count('failed'), skipped: count('skipped'), failures };
}

/** End a phase's runner and every process it started (they share its process group). */
function killGroup(child) {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
}

function run(phaseFiles, i) {
  // The pid keeps two runs on one checkout (two engineers, or a run and a bench) from sharing a file.
  const results = path.join(root, `.test-results.${process.pid}.${i}.jsonl`);
  fs.rmSync(results, { force: true });
  const args = ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-reporter-destination=stdout'];
  args.push(
    `--test-reporter=${pathToFileURL(path.join(root, 'scripts/test-reporter.mjs')).href}`,
    '--test-reporter-destination=stdout',
    // Browser files one at a time: each already runs SQLite and PostgreSQL side by side (two servers
    // and a Chromium); two such files at once on a 2-core machine made waits time out at random.
    `--test-concurrency=${phaseFiles.some(isBrowser) || phaseFiles.some(isExclusive) ? 1 : 2}`,
    // A test file (and within it a test or hook) that hangs, or that leaves something open so that its
    // process cannot end, fails after 10 minutes instead of holding the run until CI's limit: the
    // runner stops the file's process, and its servers die with it (test/helpers/server.ts). The
    // longest file takes under 3 minutes. (Not --test-force-exit: it ends a file as soon as the tests
    // known so far have run, before those declared after a top-level await, which then never run.)
    `--test-timeout=${Number(process.env.UKUK_TEST_TIMEOUT_S ?? 600) * 1000}`,
    ...phaseFiles,
  );
  return new Promise((resolve) => {
    // Its own process group, so that the deadline below ends the test files' processes too.
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...env, UKUK_TEST_RESULTS: results },
      stdio: 'inherit',
      detached: true,
    });
    current = child;
    const left = deadline - Date.now();
    const timer = setTimeout(
      () => {
        console.log(`\nThe run passed its deadline (${DEADLINE_MIN} min): the unfinished tests are stopped.`);
        timedOut = true;
        killGroup(child);
      },
      Math.max(left, 0),
    );
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, ...resultsOf(results) });
      fs.rmSync(results, { force: true });
    });
  });
}

// CI gives the whole job 90 minutes; past this, the run stops and reports what it has, counting the
// stop as a failure, rather than being cut off without its summary line.
const DEADLINE_MIN = Number(process.env.UKUK_TEST_DEADLINE_MIN ?? 80);
const deadline = Date.now() + DEADLINE_MIN * 60_000;
let timedOut = false;
let current;
// The test group does not get the terminal's Ctrl-C or CI's stop by itself: pass them on.
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    if (current) killGroup(current);
    process.exit(1);
  });
}
let passed = 0;
let failed = 0;
let skipped = 0;
let exit = 0;
const failures = [];
for (const [i, p] of phases.entries()) {
  if (timedOut) break;
  const r = await run(p, i);
  passed += r.passed;
  failed += r.failed;
  skipped += r.skipped;
  failures.push(...r.failures);
  if (r.code !== 0) exit = 1;
}
if (timedOut) {
  failed += 1;
  failures.push('✖ the run passed its deadline; the tests not reported above did not finish');
}
if (failures.length) console.log(`\nFailed tests:\n${failures.join('\n')}`);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(exit === 0 && failed === 0 ? 0 : 1);
