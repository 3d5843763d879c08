import type { Actor } from '../../platform/access/policy.ts';
import type { Executor } from '../../platform/db/db.ts';
import type { Snap } from './facts.cells.ts';
import { hasBit } from './facts.bits.ts';
import { ALL, changesSince, cursorNow, type Cursor } from './facts.log.ts';
import { FactsMemory } from './facts.memory.ts';
import { ensureViolationFacts } from './facts.store.ts';

/**
 * Loading the facts into memory and keeping them in step with the database (ADR 0016): a full load
 * on first use, then before every use the events the change log names since the last read.
 */
type Loaded = { mem: FactsMemory; cursor: Cursor };
const engines = new WeakMap<object, { state: Loaded | null; busy: Promise<Loaded> | null }>();

async function loadRows(db: Executor, mem: FactsMemory, ids?: readonly string[]): Promise<void> {
  const put = (rows: { event_id: string; restricted: number; snap: string }[], bulk: boolean) => {
    for (const r of rows) mem.set(r.event_id, r.restricted, JSON.parse(r.snap) as Snap, bulk);
  };
  if (ids) {
    for (let i = 0; i < ids.length; i += 500) {
      const part = ids.slice(i, i + 500);
      const rows = await db
        .selectFrom('vio_fact_events')
        .select(['event_id', 'restricted', 'snap'])
        .where('event_id', 'in', part)
        .execute();
      const found = new Set(rows.map((r) => r.event_id));
      for (const id of part) if (!found.has(id)) mem.set(id, 0, null);
      put(rows, false);
      const members = await db
        .selectFrom('vio_event_members')
        .select(['event_id', 'user_id'])
        .where('event_id', 'in', part)
        .execute();
      const by = new Map<string, string[]>(part.map((id) => [id, []]));
      for (const m of members) by.get(m.event_id)?.push(m.user_id);
      for (const [id, users] of by) mem.setMembers(id, users);
    }
    return;
  }
  let last = '';
  for (;;) {
    const rows = await db
      .selectFrom('vio_fact_events')
      .select(['event_id', 'restricted', 'snap'])
      .where('event_id', '>', last)
      .orderBy('event_id')
      .limit(5000)
      .execute();
    if (rows.length === 0) break;
    put(rows, true);
    last = rows[rows.length - 1]!.event_id;
  }
  const members = await db
    .selectFrom('vio_event_members as m')
    .innerJoin('vio_fact_events as e', 'e.event_id', 'm.event_id')
    .select(['m.event_id', 'm.user_id'])
    .where('e.restricted', '=', 1)
    .orderBy('m.event_id')
    .execute();
  for (let i = 0; i < members.length;) {
    const id = members[i]!.event_id;
    const users: string[] = [];
    for (; i < members.length && members[i]!.event_id === id; i++) users.push(members[i]!.user_id);
    mem.setMembers(id, users);
  }
}

async function fullLoad(db: Executor): Promise<Loaded> {
  await ensureViolationFacts(db);
  // The cursor first: a change committed during the load is read again by the next sync.
  const cursor = await cursorNow(db);
  const mem = new FactsMemory();
  await loadRows(db, mem);
  return { mem, cursor };
}

async function sync(db: Executor, state: Loaded | null): Promise<Loaded> {
  if (!state) return fullLoad(db);
  const { ids, next } = await changesSince(db, state.cursor);
  if (ids.includes(ALL)) return fullLoad(db);
  if (ids.length) await loadRows(db, state.mem, ids);
  return { mem: state.mem, cursor: next };
}

/**
 * The facts of this database as of now, loaded on first use and brought up to date from the change
 * log on every call (one indexed read when nothing changed). One sync at a time per database handle:
 * concurrent callers share it.
 */
export async function factsMemory(db: Executor): Promise<FactsMemory> {
  let e = engines.get(db);
  if (!e) {
    e = { state: null, busy: null };
    engines.set(db, e);
  }
  const entry = e;
  while (entry.busy) await entry.busy.catch(() => undefined);
  entry.busy = sync(db, entry.state);
  try {
    entry.state = await entry.busy;
    return entry.state.mem;
  } finally {
    entry.busy = null;
  }
}

/**
 * What one reader may count: the restricted events they are a member of (from the membership index,
 * as current as the facts: `factsMemory` has just read the change log) and a text search's events,
 * as slots.
 */
export function memoryScope(
  mem: FactsMemory,
  actor: Actor,
  ids: readonly string[] | undefined,
): { restrictedVisible: ReadonlySet<number>; ids: Set<number> | undefined } {
  let search: Set<number> | undefined;
  if (ids) {
    search = new Set<number>();
    for (const id of ids) {
      const s = mem.slotOf.get(id);
      if (s !== undefined) search.add(s);
    }
  }
  const visible = new Set<number>();
  for (const s of mem.restrictedOf(actor.userId)) if (hasBit(mem.closed, s)) visible.add(s);
  return { restrictedVisible: visible, ids: search };
}
