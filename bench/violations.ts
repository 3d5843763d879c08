// The speed targets of issue #4, on SQLite and PostgreSQL: with 250,000 events, 1,000,000 acts and
// 300,000 people, the filtered event list with facet counts p95 < 50 ms, statistics by type of act
// and by region < 300 ms, full-text search p95 < 100 ms. The measured functions are the real services
// (listEvents, getViolationStats) over data from gen-violations.ts, each beside a plain query measured
// in the same run. Run alone: `node --import tsx bench/violations.ts [--scale=0.05]`; the environment
// knob UKUK_BENCH_VIO_SCALE does the same for `npm run bench`.
import path from 'node:path';
import { sql } from 'kysely';
import type { Actor } from '../src/server/platform/access/policy.ts';
import type { AppContext } from '../src/server/platform/context.ts';
import { getViolationStats } from '../src/server/modules/violations/stats.service.ts';
import { listEvents } from '../src/server/modules/violations/violations.service.ts';
import { searchEventIds } from '../src/server/modules/violations/violations.search.ts';
import { postgresAvailable, type Backend } from '../test/helpers/db.ts';
import { pick, seededRng } from './gen-legal.ts';
import { generateViolations, type GeneratedViolations } from './gen-violations.ts';
import { openBenchContext } from './context.ts';
import { latency, printTable, withServerFlags, writeResults, type Figure } from './lib.ts';

function scale(): number {
  const arg = process.argv.find((a) => a.startsWith('--scale='))?.slice(8);
  const v = Number(arg ?? process.env.UKUK_BENCH_VIO_SCALE ?? 1);
  if (!(v > 0 && v <= 4)) throw new Error('scale must be a number in (0, 4]');
  return v;
}

/** p50/p95/p99/max of `count` calls one at a time (SQLite has one connection; targets are per request). */
async function measure(fn: (i: number) => Promise<unknown>, count: number) {
  for (let i = 0; i < Math.min(5, count); i++) await fn(i);
  const times: number[] = [];
  let n = 0;
  await latency(
    async () => {
      const i = n++;
      const t0 = performance.now();
      await fn(i);
      times.push(performance.now() - t0);
    },
    count,
    1,
  );
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { p50: at(0.5), p95: at(0.95), max: times[times.length - 1]! };
}

const n = (s: number) => (s >= 1000 ? `${Math.round(s / 1000)}k` : String(s));

export async function measureViolations(
  ctx: AppContext,
  gen: GeneratedViolations,
  backend: Backend,
  label: string,
): Promise<Figure[]> {
  const actor: Actor = {
    userId: gen.documenterId,
    role: 'documenter',
    sessionId: 'bench',
    reauthUntil: null,
  };
  const rng = seededRng(7);
  const regions = ['KG-GB', 'KG-O', 'KG-C', 'KG-J', 'KG-N'];
  const years = ['2016', '2019', '2022', '2025'];
  const filters = Array.from({ length: 120 }, () => {
    const f: Record<string, string> = {};
    const r = rng();
    if (r < 0.5) f.region = pick(rng, regions);
    if (rng() < 0.5) f.actType = pick(rng, gen.actCodes);
    if (rng() < 0.4) {
      const y = pick(rng, years);
      f.from = y;
      f.to = rng() < 0.5 ? y : `${y}-06`;
    }
    if (rng() < 0.2) f.perpetratorType = pick(rng, gen.perpetratorCodes);
    if (rng() < 0.2) f.reliability = pick(rng, gen.reliabilityCodes);
    return f;
  });
  const list = await measure((i) => listEvents(ctx, actor, filters[i % filters.length]!), 120);
  const base = await measure(
    (i) => sql`select count(*) from vio_events where region = ${regions[i % regions.length]}`.execute(ctx.db),
    120,
  );

  const statsQ = [
    {},
    { region: 'KG-O' },
    { from: '2020', to: '2022' },
    { actType: gen.actCodes[0] },
    { region: 'KG-GB', from: '2024' },
  ];
  const stats = await measure(
    (i) => getViolationStats(ctx, actor, { ...statsQ[i % statsQ.length]!, by: 'actType,region' }, 'ru'),
    15,
  );
  const all = await measure(() => getViolationStats(ctx, actor, { by: 'actType,region' }, 'ru'), 5);
  const statsBase = await measure(
    () => sql`select act_type, count(*) from vio_acts group by act_type`.execute(ctx.db),
    5,
  );

  const words = [
    'Кыйноо',
    'задержание',
    'Ош',
    'ИВС',
    'журналист',
    'Бишкек',
    'собрания',
    'колонии',
    'Нарын пытки',
    'кармоо',
  ];
  const search = await measure(
    (i) =>
      listEvents(ctx, actor, { q: words[i % words.length]!, ...(i % 3 === 0 ? { region: 'KG-O' } : {}) }),
    100,
  );
  const searchBase = await measure((i) => searchEventIds(ctx, words[i % words.length]!, actor), 100);
  const tag = `${backend}, ${label}`;
  console.log(
    `${backend}: list p50 ${list.p50.toFixed(1)} p95 ${list.p95.toFixed(1)} max ${list.max.toFixed(1)} ms; ` +
      `stats (mixed filters) p50 ${stats.p50.toFixed(0)} p95 ${stats.p95.toFixed(0)} max ${stats.max.toFixed(0)} ms, ` +
      `unfiltered max ${all.max.toFixed(0)} ms; search p50 ${search.p50.toFixed(1)} p95 ${search.p95.toFixed(1)} ms`,
  );
  return [
    {
      name: `event list + facets p95 (${tag})`,
      unit: 'ms',
      value: list.p95,
      baseline: { name: 'count of a region p95', value: base.p95 },
      target: '< 50 ms',
      pass: list.p95 < 50,
    },
    {
      name: `stats by act type + region, slowest (${tag})`,
      unit: 'ms',
      value: Math.max(stats.max, all.max),
      baseline: { name: 'group by act_type, no joins', value: statsBase.max },
      target: '< 300 ms',
      pass: Math.max(stats.max, all.max) < 300,
    },
    {
      name: `full-text search list p95 (${tag})`,
      unit: 'ms',
      value: search.p95,
      baseline: { name: 'index lookup alone p95', value: searchBase.p95 },
      target: '< 100 ms',
      pass: search.p95 < 100,
    },
  ];
}

export async function violationsBenchmark(): Promise<Figure[]> {
  const s = scale();
  const events = Math.round(250_000 * s);
  const acts = Math.round(1_000_000 * s);
  const people = Math.round(300_000 * s);
  const figures: Figure[] = [];
  const only = process.env.UKUK_BENCH_VIO_BACKEND;
  for (const backend of ['sqlite', 'postgres'] as const) {
    if (only && only !== backend) continue;
    if (backend === 'postgres' && !(await postgresAvailable())) {
      console.log('(postgres not reachable: violations benchmark skipped on PostgreSQL)');
      continue;
    }
    const { ctx, close } = await openBenchContext(backend, 'vio');
    // Ctrl-C or a kill still drops the temporary database and folder.
    const onSignal = () => void close().finally(() => process.exit(130));
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      let last = 0;
      const gen = await generateViolations(ctx, {
        events,
        acts,
        people,
        progress: (what, done, total) => {
          if (performance.now() - last > 20_000) {
            last = performance.now();
            console.log(`  ${backend}: ${what} ${done}/${total}`);
          }
        },
      });
      const c = gen.counts;
      console.log(
        `${backend}: generated ${c.events} events, ${c.acts} acts, ${c.people} people, ${c.involvements} ` +
          `involvements, ${c.rights} rights, ${c.information} sources in ${((gen.ms.total ?? 0) / 1000).toFixed(0)} s ` +
          `(facts rebuilt in ${((gen.ms.facts ?? 0) / 1000).toFixed(1)} s)`,
      );
      figures.push(...(await measureViolations(ctx, gen, backend, `${n(events)} events, ${n(acts)} acts`)));
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await close();
    }
  }
  return figures;
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  withServerFlags();
  const figures = await violationsBenchmark();
  console.log('');
  printTable(figures);
  console.log(`\nwritten: ${writeResults(figures)}`);
  process.exit(figures.every((f) => f.pass) ? 0 : 1);
}
