// The dashboard summary on PostgreSQL after the app has been idle, beside the same summary warm, in one
// run: `node --import tsx bench/summary-idle.ts [--submissions=20000]`. The dashboard refreshes every
// 30 s and runs its queries side by side; a pool that closed its idle connections meanwhile opens new
// ones (a PostgreSQL backend each, its caches cold) at every refresh. The pool keeps them a minute
// (platform/db/db.ts), so a refresh after 11 s or 31 s should cost about what a warm one does.
import { generateMonitoring } from './gen-monitoring.ts';
import { openBenchContext } from './context.ts';
import { printTable, writeResults, type Figure } from './lib.ts';
import type { Actor } from '../src/server/platform/access/policy.ts';
import { missionSummary } from '../src/server/modules/monitoring/summary.service.ts';

const arg = process.argv.find((a) => a.startsWith('--submissions='));
const submissions = arg ? Number(arg.split('=')[1]) : 20_000;
const { ctx, close } = await openBenchContext('postgres', 'idle');
try {
  const gen = await generateMonitoring(ctx, { sites: 2500, observers: 300, submissions });
  const actor: Actor = { userId: gen.adminId, role: 'admin', sessionId: 'bench', reauthUntil: null };
  const time = async () => {
    const t0 = performance.now();
    await missionSummary(ctx, actor, gen.missionId);
    return performance.now() - t0;
  };
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  for (let i = 0; i < 5; i++) await time();
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) {
    await sleep(1000);
    warm.push(await time());
  }
  const after = async (ms: number, n: number) => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      await sleep(ms);
      out.push(await time());
    }
    return median(out);
  };
  const idle11 = await after(11_000, 3);
  const idle31 = await after(31_000, 3);
  const w = median(warm);
  const figures: Figure[] = [11, 31].map((s, i) => {
    const value = i === 0 ? idle11 : idle31;
    return {
      name: `dashboard summary after ${s} s idle, median of 3 (postgres, ${submissions} submissions, 2500 sites)`,
      unit: 'ms',
      value,
      baseline: { name: 'the same a second after the last, median of 5', value: w },
      target: '< 200 ms',
      pass: value < 200,
    };
  });
  printTable(figures);
  console.log(`written: ${writeResults(figures)}`);
} finally {
  await close();
}
