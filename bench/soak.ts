// `npm run soak`: mixed traffic against a real server process for UKUK_SOAK_SECONDS (default 600) on
// loopback. Reports, in the bench table and JSON (bench/results/): the server's memory growth after
// warm-up (target < 10 %) and p99 drift (the last minute's p99 against the first minute after warm-up;
// target ≤ 2× + 10 ms), with the errors counted. The traffic touches every module that has landed:
// sessions, users, audit, the people registry, cases, violations, and writes that grow the database.
import fs from 'node:fs';
import { Client } from '../test/helpers/client.ts';
import { startServer } from '../test/helpers/server.ts';
import { totpFreshAsync } from '../test/helpers/totp.ts';
import { printTable, writeResults, type Figure } from './lib.ts';

const SECONDS = Number(process.env.UKUK_SOAK_SECONDS ?? 600);
const WARMUP = Math.min(60, SECONDS / 5);
/** Latency buckets: one a minute in a real soak, shorter in a smoke run so there are at least 3. */
const BUCKET_MS = Math.min(60_000, Math.max(1000, (SECONDS * 1000) / 5));

function rssMb(pid: number): number {
  const m = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/);
  return m ? Number(m[1]) / 1024 : NaN;
}

const srv = await startServer({ env: { UKUK_LOG_LEVEL: 'warn' } });
const pid = srv.process.pid!;
const c = new Client(srv.url);
await c.post('/api/setup', {
  orgName: 'Soak',
  defaultLocale: 'ky',
  adminName: 'Soak Admin',
  adminEmail: 'soak@example.org',
  adminPassword: 'Чүй өрөөнү 2026 жазы!',
});
const info = await c.get<{ secret: string }>('/api/auth/totp/enroll');
await c.post('/api/auth/totp/enroll', { code: await totpFreshAsync(info.body.secret) });

let k = 0;
const tag = () => `${Date.now().toString(36)}${(k++).toString(36)}`;
const person = await c.post<{ id: string }>('/api/people', {
  names: [{ full: 'Айгүл Сооронбаева' }],
  region: 'KG-C',
});
const ops: Array<() => Promise<{ status: number }>> = [
  () => c.get('/api/me'),
  () => c.get('/api/users'),
  () => c.get('/api/audit?limit=50'),
  () => c.patch('/api/me', { name: `Soak Admin ${tag()}` }),
  () => c.get('/api/health'),
  () => c.post('/api/people', { names: [{ full: `Бакыт Асанов ${tag()}` }], region: 'KG-O' }),
  () => c.get('/api/people?q=Асанов'),
  () => c.get('/api/cases'),
  () => c.get('/api/violations/events'),
  async () => {
    const ev = await c.post<{ id: string }>('/api/violations/events', { title: `Soak ${tag()}` });
    if (ev.status !== 201) return ev;
    return c.post(`/api/violations/events/${ev.body.id}/acts`, {
      victimId: person.body.id,
      actType: '010000000000',
    });
  },
  () => c.get('/api/violations/stats'),
];
const start = Date.now();
const buckets: number[][] = [];
let n = 0;
let errors = 0;
let warmRss = NaN;
await Promise.all(
  Array.from({ length: 6 }, async () => {
    while (Date.now() - start < SECONDS * 1000) {
      const t0 = performance.now();
      try {
        const r = await ops[n++ % ops.length]!();
        if (r.status >= 500) errors += 1;
      } catch {
        errors += 1;
      }
      (buckets[Math.floor((Date.now() - start) / BUCKET_MS)] ??= []).push(performance.now() - t0);
      if (Number.isNaN(warmRss) && Date.now() - start > WARMUP * 1000) warmRss = rssMb(pid);
    }
  }),
);
const endRss = rssMb(pid);
await srv.stop();

const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.99)] ?? NaN;
const perBucket = buckets.filter((b) => b && b.length > 20).map(p99);
const firstWarm = perBucket[Math.min(perBucket.length - 1, Math.ceil((WARMUP * 1000) / BUCKET_MS))]!;
const last = perBucket[perBucket.length - 1]!;
const growth = ((endRss - warmRss) / warmRss) * 100;
const figures: Figure[] = [
  {
    name: `soak server memory growth after warm-up (${SECONDS}s)`,
    unit: '%',
    value: growth,
    baseline: { name: 'RSS after warm-up', value: warmRss, unit: 'MB' },
    target: '< 10 %',
    pass: growth < 10,
  },
  {
    name: 'soak p99 in the last bucket',
    unit: 'ms',
    value: last,
    baseline: { name: 'p99 first bucket after warm-up', value: firstWarm },
    target: '≤ 2× baseline + 10 ms',
    pass: last <= 2 * firstWarm + 10,
  },
  {
    name: 'soak errors (5xx or network)',
    unit: 'count',
    value: errors,
    baseline: { name: 'requests', value: n },
    target: '0',
    pass: errors === 0,
  },
];
console.log(`p99 per ${BUCKET_MS / 1000}s (ms): ${perBucket.map((v) => v.toFixed(1)).join(', ')}`);
printTable(figures);
console.log(`\nwritten: ${writeResults(figures)}`);
process.exit(figures.every((f) => f.pass) ? 0 : 1);
