// `npm run bench`: the platform's benchmarks, each beside a baseline measured in the same run, on
// loopback only and bounded in time. Later modules add their own figures here.
import { createCipheriv, randomBytes } from 'node:crypto';
import { Envelope } from '../src/server/platform/crypto/envelope.ts';
import { appendAudit } from '../src/server/platform/audit/audit.ts';
import { uuidv7 } from '../src/core/ids.ts';
import { setupAdmin, startTestApp } from '../test/helpers/app.ts';
import { testDb } from '../test/helpers/db.ts';
import { latency, opsPerSecond, printTable, withServerFlags, writeResults, type Figure } from './lib.ts';
import { namesBenchmark } from './names.ts';
import { legalBenchmark } from './legal.ts';
import { violationsBenchmark } from './violations.ts';
import { monitoringBenchmark } from './monitoring.ts';

withServerFlags();
const figures: Figure[] = [];

// Bounded in time (issue #6): past the budget the run stops, prints what it measured so far and fails,
// so a machine too slow for full scale (or a regression that makes a generator crawl) cannot hang CI
// or a developer's evening. Each benchmark's scale knob (UKUK_BENCH_*_SCALE) trades size for time.
const BUDGET_MIN = Number(process.env.UKUK_BENCH_MAX_MINUTES ?? 90);
const watchdog = setTimeout(() => {
  printTable(figures);
  console.log(
    `\ntime budget of ${BUDGET_MIN} min exceeded (UKUK_BENCH_MAX_MINUTES): stopped, figures above are partial`,
  );
  console.log(`written: ${writeResults(figures)}`);
  process.exit(2);
}, BUDGET_MIN * 60_000);
watchdog.unref();

async function fieldEncryption(): Promise<void> {
  const env = new Envelope(randomBytes(32));
  const { key } = env.newRecordKey('people', uuidv7());
  const text = 'Айгүл Исмаилова, Ош облусу, Кара-Суу району';
  const raw = randomBytes(32);
  const baseline = await opsPerSecond(() => {
    const c = createCipheriv('aes-256-gcm', raw, randomBytes(12));
    return Buffer.concat([c.update(text), c.final(), c.getAuthTag()]);
  });
  const value = await opsPerSecond(() => key.decrypt('name', key.encrypt('name', text)));
  figures.push({
    name: 'field encrypt+decrypt',
    unit: 'ops/s',
    value,
    baseline: { name: 'raw AES-GCM encrypt', value: baseline },
    target: '≥ 25% of baseline',
    pass: value >= 0.25 * baseline,
  });
}

async function auditAppend(): Promise<void> {
  for (const backend of ['sqlite', 'postgres'] as const) {
    let t;
    try {
      t = await testDb(backend);
    } catch {
      console.log(`(${backend} not reachable: skipped)`);
      continue;
    }
    const db = t.dbh.db;
    const baseline = await opsPerSecond(
      () =>
        db
          .insertInto('settings')
          .values({ key: uuidv7(), value: 'x', updated_at: new Date().toISOString() })
          .execute(),
      1500,
    );
    const value = await opsPerSecond(
      () =>
        db.transaction().execute((tx) =>
          appendAudit(tx, t.dbh.kind, {
            actorId: null,
            action: 'bench.write',
            entityType: 'bench',
            entityId: uuidv7(),
          }),
        ),
      1500,
    );
    figures.push({
      name: `audit append (${backend})`,
      unit: 'ops/s',
      value,
      baseline: { name: 'plain insert', value: baseline },
      target: '≥ 20% of baseline',
      pass: value >= 0.2 * baseline,
    });
    await t.cleanup();
  }
}

async function httpLatency(): Promise<void> {
  const t = await startTestApp('sqlite');
  try {
    const admin = await setupAdmin(t);
    const base = await latency(() => fetch(`${t.url}/api/health`).then((r) => r.text()));
    const me = await latency(() => admin.client.get('/api/me'));
    figures.push({
      name: 'GET /api/me p99 (session + decrypt)',
      unit: 'ms',
      value: me.p99,
      baseline: { name: 'GET /api/health p99', value: base.p99 },
      target: '≤ 10× baseline + 20 ms',
      pass: me.p99 <= 10 * base.p99 + 20,
    });
  } finally {
    await t.close();
  }
}

await fieldEncryption();
await auditAppend();
await httpLatency();
figures.push(...(await namesBenchmark()));
figures.push(...(await legalBenchmark()));
figures.push(...(await violationsBenchmark()));
figures.push(...(await monitoringBenchmark()));
printTable(figures);
console.log(`\nwritten: ${writeResults(figures)}`);
process.exit(figures.every((f) => f.pass) ? 0 : 1);
