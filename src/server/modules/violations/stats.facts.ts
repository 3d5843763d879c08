import type { StatsBy } from '../../../core/schemas/violation-stats.ts';
import { can, type Actor } from '../../platform/access/policy.ts';
import type { Executor } from '../../platform/db/db.ts';
import { countInMemory, MEMORY_BY } from './facts.count.ts';
import { factsMemory, memoryScope } from './facts.sync.ts';
import { factEvents } from './facts.query.ts';
import { breakdown, headline, type BreakdownSpec, type Headline, type Rows } from './stats.repo.ts';
import type { EventFilter } from './violations.repo.ts';

/**
 * Statistics of the actor's view from the derived facts. Any filter but "mine" and an event-number
 * search is counted from the facts in memory (ADR 0016); victims by sex, age group or vulnerability,
 * and those two filters, by the same queries as the live reference (`stats.repo.ts`) over the events
 * found through the inverted index (ADR 0011). The live queries stay the definition:
 * `test/integration/violation-facts.test.ts` compares the two.
 */
export async function statsFromFacts(
  db: Executor,
  actor: Actor,
  f: EventFilter,
  specs: BreakdownSpec[],
): Promise<{ head: Headline; by: Map<StatsBy, Rows> }> {
  const scope = async () => ({ actor, facts: await factEvents(db, actor, f) });
  // Inside a transaction the live tables may hold changes the memory has not seen: count from tables.
  if (f.mine || f.numberPrefix || db.isTransaction || !can(actor, 'violations.read')) {
    const base = await scope();
    const by = new Map<StatsBy, Rows>();
    for (const s of specs) by.set(s.by, await breakdown(db, base, f, s));
    return { head: await headline(db, base, f), by };
  }
  const mem = await factsMemory(db);
  const out = countInMemory(mem, memoryScope(mem, actor, f.ids), f, specs);
  const live = specs.filter((s) => !MEMORY_BY.includes(s.by));
  if (live.length) {
    const base = await scope();
    for (const s of live) out.by.set(s.by, await breakdown(db, base, f, s));
  }
  return out;
}
