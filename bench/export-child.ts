// Runs one monitoring export in a process of its own, as a job-worker node would, so that its peak
// memory is the export's and not the benchmark's (whose generator holds hundreds of MB).
// argv: <dataDir> <databaseUrl|-> <exportId>; prints one JSON line {rows, secs, peakMb, startMb}.
import path from 'node:path';
import { runExport } from '../src/server/modules/monitoring/exports.job.ts';
import { loadConfig } from '../src/server/platform/config.ts';
import { createLogger } from '../src/server/platform/logger.ts';
import { closeContext, createContext } from '../src/server/runtime.ts';

const [dataDir, url, id] = process.argv.slice(2) as [string, string, string];
const config = loadConfig({
  UKUK_DATA_DIR: dataDir,
  DATABASE_URL: url === '-' ? undefined : url,
  UKUK_WEB_DIR: path.join(dataDir, 'no-web'),
  UKUK_JOBS: '0',
  UKUK_LOG_LEVEL: 'silent',
});
const ctx = await createContext(config, createLogger('silent'));
global.gc?.();
const startMb = process.memoryUsage().rss / 2 ** 20;
let peakMb = startMb;
const sampler = setInterval(() => (peakMb = Math.max(peakMb, process.memoryUsage().rss / 2 ** 20)), 25);
const cpu0 = process.cpuUsage();
const t0 = performance.now();
await runExport(ctx, id);
const secs = (performance.now() - t0) / 1000;
clearInterval(sampler);
const row = await ctx.db
  .selectFrom('mon_exports')
  .select(['rows', 'status'])
  .where('id', '=', id)
  .executeTakeFirstOrThrow();
await closeContext(ctx);
const cpu = process.cpuUsage(cpu0);
console.log(
  JSON.stringify({
    rows: row.rows,
    status: row.status,
    secs,
    peakMb,
    startMb,
    cpuUser: cpu.user / 1e6,
    cpuSys: cpu.system / 1e6,
  }),
);
process.exit(0);
