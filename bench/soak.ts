// `npm run soak`: mixed traffic against a real server process for UKUK_SOAK_SECONDS (default 600) on
// loopback; reports the server's memory growth after warm-up (target < 10 %) and p99 drift per minute.
import fs from 'node:fs';
import { Client } from '../test/helpers/client.ts';
import { startServer } from '../test/helpers/server.ts';
import { totpFreshAsync } from '../test/helpers/totp.ts';

const SECONDS = Number(process.env.UKUK_SOAK_SECONDS ?? 600);
const WARMUP = Math.min(60, SECONDS / 5);

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

const ops: Array<() => Promise<unknown>> = [
  () => c.get('/api/me'),
  () => c.get('/api/users'),
  () => c.get('/api/audit?limit=50'),
  () => c.patch('/api/me', { name: `Soak Admin ${Math.random().toString(36).slice(2, 6)}` }),
  () => c.get('/api/health'),
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
        const r = (await ops[n++ % ops.length]!()) as { status: number };
        if (r.status >= 500) errors += 1;
      } catch {
        errors += 1;
      }
      const minute = Math.floor((Date.now() - start) / 60_000);
      (buckets[minute] ??= []).push(performance.now() - t0);
      if (Number.isNaN(warmRss) && Date.now() - start > WARMUP * 1000) warmRss = rssMb(pid);
    }
  }),
);
const endRss = rssMb(pid);
await srv.stop();
const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.99)] ?? NaN;
const growth = ((endRss - warmRss) / warmRss) * 100;
console.log(`requests: ${n}, errors (5xx or network): ${errors}, duration: ${SECONDS}s`);
console.log(
  `server RSS after warm-up: ${warmRss.toFixed(1)} MB, at end: ${endRss.toFixed(1)} MB, growth: ${growth.toFixed(1)} % (target < 10 %)`,
);
console.log(`p99 per minute (ms): ${buckets.map((b) => p99(b).toFixed(1)).join(', ')}`);
process.exit(growth < 10 && errors === 0 ? 0 : 1);
