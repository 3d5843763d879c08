import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { SERVER_NODE_FLAGS } from '../scripts/server-build.mjs';

export interface Figure {
  name: string;
  unit: string;
  value: number;
  /** `unit` when the baseline is not in the figure's own unit (a % figure against MB). */
  baseline: { name: string; value: number; unit?: string };
  /** Pass when value (ops/s) is at least this share of the baseline, or (ms) at most this multiple. */
  target: string;
  pass: boolean;
}

/** Run `fn` repeatedly for about `ms` milliseconds; returns operations per second. */
export async function opsPerSecond(fn: () => unknown, ms = 1500): Promise<number> {
  for (let i = 0; i < 50; i++) await fn();
  const start = performance.now();
  let n = 0;
  while (performance.now() - start < ms) {
    await fn();
    n += 1;
  }
  return (n * 1000) / (performance.now() - start);
}

/** Latency percentiles (ms) of `count` calls with `concurrency` in flight. */
export async function latency(
  fn: () => Promise<unknown>,
  count = 400,
  concurrency = 8,
): Promise<{ p50: number; p99: number }> {
  const times: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next += 1;
        const t0 = performance.now();
        await fn();
        times.push(performance.now() - t0);
      }
    }),
  );
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { p50: at(0.5), p99: at(0.99) };
}

export function printTable(figures: Figure[]): void {
  const rows = figures.map((f) => [
    f.name,
    `${f.value.toFixed(1)} ${f.unit}`,
    f.target,
    `${f.baseline.name}: ${f.baseline.value.toFixed(1)} ${f.baseline.unit ?? f.unit}`,
    f.pass ? 'pass' : 'FAIL',
  ]);
  const head = ['figure', 'value', 'target', 'baseline (same run)', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  rows.forEach((r) => console.log(line(r)));
}

export function writeResults(figures: Figure[]): string {
  const dir = path.resolve(import.meta.dirname, 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(
    file,
    JSON.stringify({ at: new Date().toISOString(), node: process.version, figures }, null, 2),
  );
  return file;
}

/**
 * Benchmarks host the server in their own process, so they run with the Node flags the server runs
 * with (scripts/server-build.mjs); started without them, this process runs itself again with them
 * and ends with that run's exit code.
 */
export function withServerFlags(): void {
  if (SERVER_NODE_FLAGS.every((f) => process.execArgv.includes(f))) return;
  const r = spawnSync(
    process.execPath,
    [...SERVER_NODE_FLAGS, ...process.execArgv, ...process.argv.slice(1)],
    {
      stdio: 'inherit',
    },
  );
  process.exit(r.status ?? 1);
}
