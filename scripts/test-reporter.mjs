// A test reporter for `npm test` (scripts/test.mjs): one JSON line per finished test in the file named
// by UKUK_TEST_RESULTS, written synchronously, so that a run stopped at its deadline still counts what
// had finished (the TAP reporter writes through a stream, and its summary comes only at the end).
import fs from 'node:fs';
import path from 'node:path';

const out = process.env.UKUK_TEST_RESULTS;

/** The error's own message (a failed test wraps it in ERR_TEST_FAILURE) and where it was thrown. */
function describeError(err) {
  const e = err?.cause ?? err;
  if (!e) return '';
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  const frames = (e.stack ?? '')
    .split('\n')
    .filter((l) => /^\s+at /.test(l) && !/node:|node_modules/.test(l))
    .slice(0, 3)
    .map((l) => l.trim());
  return [text.slice(0, 4000), ...frames].join('\n');
}

export default async function* reporter(source) {
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const d = event.data;
    const failureType = d.details?.error?.failureType;
    // A suite counts only when it failed by itself (a hook), not because one of its tests did.
    if (d.details?.type === 'suite' && (event.type === 'test:pass' || failureType === 'subtestsFailed'))
      continue;
    const row = {
      status: d.skip ? 'skipped' : event.type === 'test:pass' ? 'passed' : 'failed',
      name: d.name,
      file: d.file ? path.relative(process.cwd(), d.file) : undefined,
      line: d.line,
      ...(event.type === 'test:fail' ? { failureType, error: describeError(d.details?.error) } : {}),
    };
    if (out) fs.appendFileSync(out, `${JSON.stringify(row)}\n`);
  }
}
