import type { Actor } from '../../platform/access/policy.ts';
import type { Executor } from '../../platform/db/db.ts';
import type { Snap } from './facts.cells.ts';
import { ALL, changesSince, cursorNow, type Cursor } from './facts.log.ts';
import { ensureViolationFacts } from './facts.store.ts';

/**
 * The violation facts held in memory (ADR 0016): every event's snap (codes and record ids only, as in
 * `vio_fact_events`), packed into integer arrays so that statistics under any combination of filters
 * are one pass in JavaScript instead of joins over a million acts. Each app node keeps its own copy
 * and reads the change log (`facts.log.ts`) before every use, so a write on one node is counted by the
 * next request on any node.
 *
 * Layout: per event slot, the columns below; the variable part (reliabilities and acts) is a run of
 * integers in `data` from `off[slot]`, or in `over` for events changed since the full load:
 *   nRel, rel…, nActs, then per act: type, victim (−1 none), nP, perpetratorType…, nPr, perpetrator…,
 *   nR, right…
 * Codes are interned in `codes`, victim subjects (`root|kind`) in `victims`, perpetrators in `perps`.
 */
export class Dict {
  readonly names: string[] = [];
  private readonly ids = new Map<string, number>();
  id(name: string): number {
    let i = this.ids.get(name);
    if (i === undefined) {
      i = this.names.length;
      this.names.push(name);
      this.ids.set(name, i);
    }
    return i;
  }
  /** The id of a name, or −2 (matches nothing) when it was never seen. */
  peek(name: string): number {
    return this.ids.get(name) ?? -2;
  }
}

/** Kinds of posting lists (`FactsMemory.posting`). */
export const POST_REGION = 0;
export const POST_DISTRICT = 1;
export const POST_STATUS = 2;
export const POST_ACT_TYPE = 3;
export const POST_PERPETRATOR_TYPE = 4;
export const POST_RELIABILITY = 5;
const POSTING_KINDS_SPAN = 1 << 24;
const NO_SLOTS: readonly number[] = [];

export const KIND_INDIVIDUAL = 0;
export const KIND_GROUP = 1;

export class FactsMemory {
  readonly codes = new Dict();
  readonly victims = new Dict();
  /** Per victim: 0 individual, 1 group, 2 anything else; and the group size (−1 none). */
  readonly victimKind: number[] = [];
  readonly victimSize: number[] = [];
  readonly perps = new Dict();
  readonly slotOf = new Map<string, number>();
  readonly ids: string[] = [];
  readonly alive: number[] = [];
  readonly restricted: number[] = [];
  readonly region: number[] = [];
  readonly district: number[] = [];
  readonly status: number[] = [];
  readonly date: (string | null)[] = [];
  readonly off: number[] = [];
  data = new Int32Array(1 << 16);
  private used = 0;
  readonly over = new Map<number, Int32Array>();
  /**
   * Posting lists: per filter kind and code, the slots of the events that have (or once had) it.
   * Candidates only: a change appends the slot again and leaves the old lists as they were, and every
   * reader checks each event against all its filters. A list with an appended slot is sorted and made
   * unique before its next use.
   */
  private readonly postings = new Map<number, number[]>();
  private readonly unsorted = new Set<number>();

  get size(): number {
    return this.ids.length;
  }

  /** The posting list of a filter (kind × code), sorted and without repeats; empty when none. */
  posting(kind: number, code: number): readonly number[] {
    const key = kind * POSTING_KINDS_SPAN + code;
    const list = this.postings.get(key);
    if (!list) return NO_SLOTS;
    if (this.unsorted.delete(key)) {
      list.sort((a, b) => a - b);
      let w = 0;
      for (let r = 0; r < list.length; r++) if (r === 0 || list[r] !== list[r - 1]) list[w++] = list[r]!;
      list.length = w;
    }
    return list;
  }

  private post(kind: number, code: number, slot: number, bulk: boolean): void {
    if (code < 0) return;
    const key = kind * POSTING_KINDS_SPAN + code;
    let list = this.postings.get(key);
    if (!list) this.postings.set(key, (list = []));
    if (list.length && list[list.length - 1] === slot) return;
    if (!bulk || (list.length && list[list.length - 1]! > slot)) this.unsorted.add(key);
    list.push(slot);
  }

  private postAll(slot: number, enc: readonly number[], bulk: boolean): void {
    this.post(POST_REGION, this.region[slot]!, slot, bulk);
    this.post(POST_DISTRICT, this.district[slot]!, slot, bulk);
    this.post(POST_STATUS, this.status[slot]!, slot, bulk);
    let i = 0;
    const nRel = enc[i++]!;
    for (let k = 0; k < nRel; k++) this.post(POST_RELIABILITY, enc[i + k]!, slot, bulk);
    i += nRel;
    const nActs = enc[i++]!;
    for (let a = 0; a < nActs; a++) {
      this.post(POST_ACT_TYPE, enc[i]!, slot, bulk);
      const nP = enc[i + 2]!;
      for (let k = 0; k < nP; k++) this.post(POST_PERPETRATOR_TYPE, enc[i + 3 + k]!, slot, bulk);
      i += 3 + nP;
      i += 1 + enc[i]!;
      i += 1 + enc[i]!;
    }
  }

  private codeOrNone(x: string | null): number {
    return x === null ? -1 : this.codes.id(x);
  }

  // Loops, not `map` with arrows: tsx names every closure it makes, which cost more than the rest.
  private encode(s: Snap): number[] {
    const out: number[] = [s.rel.length];
    for (const r of s.rel) out.push(this.codes.id(r));
    out.push(s.acts.length);
    for (const a of s.acts) {
      let v = -1;
      if (a.v) {
        const [root, kind, size] = a.v.split('|') as [string, string, string];
        v = this.victims.id(`${root}|${kind}`);
        this.victimKind[v] = kind === 'individual' ? KIND_INDIVIDUAL : kind === 'group' ? KIND_GROUP : 2;
        this.victimSize[v] = size === '' || size === undefined ? -1 : Number(size);
      }
      out.push(this.codes.id(a.t), v, a.p.length);
      for (const p of a.p) out.push(this.codes.id(p));
      out.push(a.pr.length);
      for (const p of a.pr) out.push(this.perps.id(p));
      out.push(a.R.length);
      for (const r of a.R) out.push(this.codes.id(r));
    }
    return out;
  }

  /** Set an event's facts (a new slot, or in place of the old ones); `null` removes it. */
  set(id: string, restricted: number, snap: Snap | null, bulk = false): void {
    let slot = this.slotOf.get(id);
    if (snap === null) {
      if (slot !== undefined) {
        this.alive[slot] = 0;
        this.over.delete(slot);
      }
      return;
    }
    const fresh = slot === undefined;
    if (slot === undefined) {
      slot = this.ids.length;
      this.slotOf.set(id, slot);
      this.ids.push(id);
    }
    this.alive[slot] = 1;
    this.restricted[slot] = restricted ? 1 : 0;
    this.region[slot] = this.codeOrNone(snap.g);
    this.district[slot] = this.codeOrNone(snap.d);
    this.status[slot] = this.codeOrNone(snap.s);
    this.date[slot] = snap.date;
    const enc = this.encode(snap);
    this.postAll(slot, enc, bulk && fresh);
    if (bulk && fresh) {
      // The full load appends to the packed array; later changes go to `over` (the array cannot grow
      // an event's run in place).
      while (this.used + enc.length > this.data.length) {
        const next = new Int32Array(this.data.length * 2);
        next.set(this.data);
        this.data = next;
      }
      this.off[slot] = this.used;
      this.data.set(enc, this.used);
      this.used += enc.length;
    } else {
      this.off[slot] = -1;
      this.over.set(slot, Int32Array.from(enc));
    }
  }
}

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
 * What one reader may count: the restricted events they are a member of (asked of the database every
 * time, never cached) and a text search's events, as slots.
 */
export async function memoryScope(
  db: Executor,
  mem: FactsMemory,
  actor: Actor,
  ids: readonly string[] | undefined,
): Promise<{ restrictedVisible: Set<number>; ids: Set<number> | undefined }> {
  const members = await db
    .selectFrom('vio_event_members as m')
    .innerJoin('vio_fact_events as e', 'e.event_id', 'm.event_id')
    .select('e.event_id')
    .where('m.user_id', '=', actor.userId)
    .where('e.restricted', '=', 1)
    .execute();
  const slots = (list: readonly string[]) => {
    const out = new Set<number>();
    for (const id of list) {
      const s = mem.slotOf.get(id);
      if (s !== undefined) out.add(s);
    }
    return out;
  };
  return { restrictedVisible: slots(members.map((m) => m.event_id)), ids: ids ? slots(ids) : undefined };
}
