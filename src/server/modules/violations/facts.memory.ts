import type { Snap } from './facts.cells.ts';
import { bitsFor, clearBit, grown, hasBit, nonEmptyWords, setBit, type Words } from './facts.bits.ts';

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

/** Kinds of filter codes with a bit set per code (`FactsMemory.bits`). */
export const POST_REGION = 0;
export const POST_DISTRICT = 1;
export const POST_STATUS = 2;
export const POST_ACT_TYPE = 3;
export const POST_PERPETRATOR_TYPE = 4;
export const POST_RELIABILITY = 5;
const KINDS = 6;
const NONE: ReadonlySet<number> = new Set();

/**
 * A start date as a number that compares as the tables compare the text (`2022` < `2022-03` <
 * `2022-03-15`): YYYYMMDD with the missing parts 0; −1 for none.
 */
export function dayNumber(date: string | null): number {
  if (!date) return -1;
  return (
    Number(date.slice(0, 4)) * 10000 + Number(date.slice(5, 7) || 0) * 100 + Number(date.slice(8, 10) || 0)
  );
}

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
  /**
   * Slots whose id was not above every earlier id when they came (events logged out of id order). Every
   * other slot has a higher id than all slots below it, so the newest events are found from the top
   * down with an early stop (`facts.list.ts`); these few are looked at apart.
   */
  readonly stragglers: number[] = [];
  private maxId = '';
  readonly region: number[] = [];
  readonly district: number[] = [];
  readonly status: number[] = [];
  readonly date: (string | null)[] = [];
  /** `dayNumber` of each start date. */
  readonly day: number[] = [];
  readonly off: number[] = [];
  data = new Int32Array(1 << 16);
  private used = 0;
  readonly over = new Map<number, Int32Array>();
  /**
   * Per filter kind, per code: the bit set of the events that have it, exact after every change (the
   * old codes of a changed event are cleared before its new ones are set). `live` holds the events
   * that exist, `closed` the restricted ones.
   */
  private readonly index: Map<number, Words>[] = Array.from(
    { length: KINDS },
    () => new Map<number, Words>(),
  );
  live: Words = bitsFor(1 << 10);
  /**
   * The members of each restricted event, and per user the restricted events they may see: read with
   * the facts and again whenever the change log names the event (every membership change writes it,
   * `violations.members.ts`), so it is as current as the facts themselves.
   */
  private readonly membersOf = new Map<number, string[]>();
  private readonly byUser = new Map<string, Set<number>>();
  closed: Words = bitsFor(1 << 10);

  get size(): number {
    return this.ids.length;
  }

  /** The set of a filter code, or undefined when no event has ever had it. */
  bits(kind: number, code: number): Words | undefined {
    return this.index[kind]!.get(code);
  }

  /**
   * The non-empty words of a code's set, kept until the set changes: a facet ANDs every code of its
   * kind (532 act types at 250,000 events) and most codes are rare, so it visits their words only.
   */
  private readonly spans = new WeakMap<Words, Int32Array>();
  private spansKept = false;
  span(w: Words): Int32Array {
    let s = this.spans.get(w);
    if (!s) {
      this.spans.set(w, (s = nonEmptyWords(w)));
      this.spansKept = true;
    }
    return s;
  }

  /** Every code of a kind with its set (a code no event has any more has an empty set). */
  codesOf(kind: number): ReadonlyMap<number, Words> {
    return this.index[kind]!;
  }

  /** Replace the members of an event (kept for restricted events only). */
  setMembers(id: string, users: readonly string[]): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    for (const u of this.membersOf.get(slot) ?? []) this.byUser.get(u)?.delete(slot);
    this.membersOf.delete(slot);
    if (!hasBit(this.closed, slot) || users.length === 0) return;
    this.membersOf.set(slot, [...users]);
    for (const u of users) {
      let set = this.byUser.get(u);
      if (!set) this.byUser.set(u, (set = new Set()));
      set.add(slot);
    }
  }

  /** The restricted events (slots) a user is a member of. */
  restrictedOf(userId: string): ReadonlySet<number> {
    return this.byUser.get(userId) ?? NONE;
  }

  /** Room for `slot` in every set, doubling. */
  private room(slot: number): void {
    if (slot >>> 5 < this.live.length) return;
    const words = Math.max(this.live.length * 2, (slot >>> 5) + 1);
    this.live = grown(this.live, words);
    this.closed = grown(this.closed, words);
    for (const m of this.index) for (const [code, w] of m) m.set(code, grown(w, words));
  }

  private mark(kind: number, code: number, slot: number, on: boolean): void {
    if (code < 0) return;
    const m = this.index[kind]!;
    let w = m.get(code);
    if (!w) {
      if (!on) return;
      m.set(code, (w = bitsFor(this.live.length * 32)));
    }
    if (on) setBit(w, slot);
    else clearBit(w, slot);
    if (this.spansKept) this.spans.delete(w);
  }

  /** Set (or clear) the bits of every code the slot's facts hold now. */
  private markAll(slot: number, on: boolean): void {
    this.mark(POST_REGION, this.region[slot]!, slot, on);
    this.mark(POST_DISTRICT, this.district[slot]!, slot, on);
    this.mark(POST_STATUS, this.status[slot]!, slot, on);
    const o = this.over.get(slot);
    const enc = o ?? this.data;
    let i = o ? 0 : this.off[slot]!;
    const nRel = enc[i++]!;
    for (let k = 0; k < nRel; k++) this.mark(POST_RELIABILITY, enc[i + k]!, slot, on);
    i += nRel;
    const nActs = enc[i++]!;
    for (let a = 0; a < nActs; a++) {
      this.mark(POST_ACT_TYPE, enc[i]!, slot, on);
      const nP = enc[i + 2]!;
      for (let k = 0; k < nP; k++) this.mark(POST_PERPETRATOR_TYPE, enc[i + 3 + k]!, slot, on);
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
    if (slot !== undefined && hasBit(this.live, slot)) {
      this.markAll(slot, false);
      clearBit(this.live, slot);
      clearBit(this.closed, slot);
    }
    if (snap === null) {
      if (slot !== undefined) this.over.delete(slot);
      return;
    }
    const fresh = slot === undefined;
    if (slot === undefined) {
      slot = this.ids.length;
      this.slotOf.set(id, slot);
      this.ids.push(id);
      this.room(slot);
      if (slot > 0 && id < this.maxId) this.stragglers.push(slot);
      else this.maxId = id;
    }
    this.region[slot] = this.codeOrNone(snap.g);
    this.district[slot] = this.codeOrNone(snap.d);
    this.status[slot] = this.codeOrNone(snap.s);
    this.date[slot] = snap.date;
    this.day[slot] = dayNumber(snap.date);
    const enc = this.encode(snap);
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
    setBit(this.live, slot);
    if (restricted) setBit(this.closed, slot);
    this.markAll(slot, true);
  }
}
