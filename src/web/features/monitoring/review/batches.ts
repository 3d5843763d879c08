import type { BulkResult } from '../submissions.api';

/** The server's batch size; a larger selection ("every match") goes in batches, one after another. */
const BATCH = 100;
export function batches(ids: string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < ids.length; i += BATCH) out.push(ids.slice(i, i + BATCH));
  return out;
}
export async function eachBatch(
  ids: string[],
  send: (part: string[]) => Promise<BulkResult>,
): Promise<BulkResult> {
  const all: BulkResult = { done: [], skipped: [] };
  for (const part of batches(ids)) {
    const r = await send(part);
    all.done.push(...r.done);
    all.skipped.push(...r.skipped);
  }
  return all;
}
