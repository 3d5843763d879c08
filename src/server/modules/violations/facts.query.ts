import { sql } from 'kysely';
import { isDistrictOf } from '../../../core/geo/regions.ts';
import type { Actor } from '../../platform/access/policy.ts';
import type { Executor } from '../../platform/db/db.ts';
import { eventVisibleTo } from './violations.access.ts';
import { cellsOf, SEP, type Cell, type Snap } from './facts.cells.ts';
import { ensureViolationFacts } from './facts.store.ts';
import type { EventFilter } from './violations.repo.ts';

/**
 * Reading the derived tables (ADR 0011). Two ways, chosen per figure:
 * - pre-counted: a filter of at most one kind (one tag, or a date range in whole months) reads
 *   `vio_fact_counts` (unrestricted events) and adds the cells of the restricted events the actor is
 *   a member of, computed from their snaps (a few; the two sets are disjoint, so the sums are exact);
 * - the inverted index: any other filter walks the postings of its rarest tag in `vio_fact_tags` and
 *   probes the other tags by key (`factEvents`), with the need-to-know rule applied to every event.
 */

/** The tags an event filter asks for (a district of the filtered region stands for both). */
export function filterTags(f: EventFilter): string[] {
  const t: string[] = [];
  if (f.district) t.push(`d:${f.district}`);
  if (f.region && !(f.district && isDistrictOf(f.region, f.district))) t.push(`g:${f.region}`);
  if (f.violationStatus) t.push(`s:${f.violationStatus}`);
  if (f.actType) t.push(`a:${f.actType}`);
  if (f.perpetratorType) t.push(`p:${f.perpetratorType}`);
  if (f.reliability) t.push(`r:${f.reliability}`);
  return t;
}

/** Events the actor may see under the filters (alias `e`, from `vio_fact_events`; `t0` the postings walked). */
export async function factEvents(db: Executor, actor: Actor, f: EventFilter) {
  await ensureViolationFacts(db);
  const tags = filterTags(f);
  let driver = '*';
  if (tags.length > 1 && !f.ids) {
    // The rarest tag drives (its open count; restricted events are too few to change the choice).
    const n = await db
      .selectFrom('vio_fact_counts')
      .select(['tag', 'ne'])
      .where('fkey', '=', '')
      .where('tag', 'in', tags)
      .execute();
    const count = new Map(n.map((r) => [r.tag, Number(r.ne)]));
    driver = [...tags].sort((a, b) => (count.get(a) ?? 0) - (count.get(b) ?? 0))[0]!;
  } else if (tags.length === 1 && !f.ids) driver = tags[0]!;
  // CROSS JOIN: SQLite keeps this order (postings outside, event rows by key inside); PostgreSQL plans
  // it as an ordinary join.
  let q = db
    .selectFrom('vio_fact_tags as t0')
    .crossJoin('vio_fact_events as e')
    .whereRef('e.event_id', '=', 't0.event_id')
    .where('t0.tag', '=', driver)
    .where(eventVisibleTo(actor, 'e.event_id', 'e.restricted'));
  for (const tag of tags)
    if (tag !== driver)
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('vio_fact_tags as tx')
            .select(sql.lit(1).as('one'))
            .where('tx.tag', '=', tag)
            .whereRef('tx.event_id', '=', 't0.event_id'),
        ),
      );
  // Partial dates compare as strings: `YYYY` ≤ `YYYY-MM` ≤ `YYYY-MM-DD`; `-99` closes the upper bound.
  if (f.from) q = q.where('e.start_date', '>=', f.from);
  if (f.to) q = q.where('e.start_date', '<=', `${f.to}-99`);
  // "Mine": the actor's memberships (by the index on user) select the postings, a probe each, instead
  // of a membership probe for every visible event.
  if (f.mine)
    q = q.where(
      't0.event_id',
      'in',
      db
        .selectFrom('vio_event_members as fm')
        .select('fm.event_id')
        .where('fm.user_id', '=', actor.userId)
        .where('fm.role', '<>', 'grant'),
    );
  if (f.numberPrefix) {
    const prefix = f.numberPrefix.replace(/[%_]/g, '');
    const ids = f.ids ?? [];
    q = q.where((eb) =>
      eb.or([
        eb('e.number', 'like', `${prefix}%`),
        ...(ids.length ? [eb('t0.event_id', 'in', [...ids])] : []),
      ]),
    );
  } else if (f.ids) q = q.where('t0.event_id', 'in', f.ids.length ? [...f.ids] : ['-']);
  return q;
}

/** A filter the counts answer: one filter key, or a range of month buckets. */
export type Spec = { fkey: string } | { from: string | undefined; to: string | undefined };

export function simpleSpec(f: EventFilter): Spec | null {
  if (f.ids || f.numberPrefix || f.mine) return null;
  const tags = filterTags(f);
  const dated = !!(f.from || f.to);
  if ((f.from?.length ?? 0) > 7 || (f.to?.length ?? 0) > 7) return null;
  if (tags.length + (dated ? 1 : 0) > 1) return null;
  if (dated) return { from: f.from, to: f.to };
  return { fkey: tags[0] ?? '' };
}

/**
 * Does a filter key fall under the spec? A month bucket `b` holds dates `d` with `b` as prefix; for a
 * bound of at most 7 characters, `d ≥ from ⇔ b ≥ from` and `d ≤ to-99 ⇔ b ≤ to-99` (string order).
 */
function inSpec(spec: Spec, fkey: string): boolean {
  if ('fkey' in spec) return fkey === spec.fkey;
  if (!fkey.startsWith('b:')) return false;
  const b = fkey.slice(2);
  return (!spec.from || b >= spec.from) && (!spec.to || b <= `${spec.to}-99`);
}

/** A restricted event the actor may see: its snap and its cells grouped by filter key. */
export interface RestrictedSnap {
  snap: Snap;
  byFilter: Map<string, [tag: string, cell: Cell][]>;
}

/**
 * The cells of restricted events, kept while their snap is unchanged: every simple figure adds the
 * cells of all the restricted events its reader is a member of, and computing them from the snaps
 * each time cost more than the stored counts. The key is the event and the entry is used only when
 * its snap equals the stored one, so a change is never missed; who may see the event is asked of the
 * database every time (`restrictedSnaps`). Codes only, like the facts tables.
 */
const MEMO_MAX = 4000;
const memo = new Map<string, { json: string; r: RestrictedSnap }>();

function restrictedOf(id: string, json: string): RestrictedSnap {
  const hit = memo.get(id);
  if (hit && hit.json === json) return hit.r;
  const snap = JSON.parse(json) as Snap;
  const byFilter = new Map<string, [string, Cell][]>();
  for (const [k, c] of cellsOf(snap)) {
    const i = k.indexOf(SEP);
    const f = k.slice(0, i);
    const list = byFilter.get(f) ?? [];
    list.push([k.slice(i + 1), c]);
    byFilter.set(f, list);
  }
  const r = { snap, byFilter };
  memo.delete(id);
  memo.set(id, { json, r });
  if (memo.size > MEMO_MAX) memo.delete(memo.keys().next().value!);
  return r;
}

/** The restricted events this actor is a member of (any role: they see them). */
export async function restrictedSnaps(db: Executor, actor: Actor): Promise<RestrictedSnap[]> {
  const rows = await db
    .selectFrom('vio_event_members as m')
    .innerJoin('vio_fact_events as e', 'e.event_id', 'm.event_id')
    .select(['e.event_id', 'e.snap'])
    .where('m.user_id', '=', actor.userId)
    .where('e.restricted', '=', 1)
    .execute();
  return rows.map((r) => restrictedOf(r.event_id, r.snap));
}

/**
 * Figures under a spec for tags with these prefixes (`*` included always): the stored unrestricted
 * counts plus the actor's restricted events. Map tag → [events, acts, events with a matching act].
 */
export async function readCells(
  db: Executor,
  spec: Spec,
  prefixes: readonly string[],
  restricted: readonly RestrictedSnap[],
): Promise<Map<string, Cell>> {
  await ensureViolationFacts(db);
  const tagOk = sql.join(
    [sql`tag = '*'`, ...prefixes.map((p) => sql`(tag >= ${`${p}:`} and tag < ${`${p};`})`)],
    sql` or `,
  );
  const fkeyOk =
    'fkey' in spec
      ? sql`fkey = ${spec.fkey}`
      : sql`fkey >= ${`b:${spec.from ?? ''}`} and fkey <= ${spec.to ? `b:${spec.to}-99` : 'b;'} and fkey < 'b;'`;
  const r = await sql<{ tag: string; ne: number | string; na: number | string; nea: number | string }>`
    select tag, sum(ne) as ne, sum(na) as na, sum(nea) as nea from vio_fact_counts
    where ${fkeyOk} and (${tagOk}) group by tag`.execute(db);
  const out = new Map<string, Cell>(r.rows.map((x) => [x.tag, [Number(x.ne), Number(x.na), Number(x.nea)]]));
  const tagWanted = (tag: string) => tag === '*' || prefixes.some((p) => tag.startsWith(`${p}:`));
  const add = (list: [string, Cell][] | undefined) => {
    for (const [tag, c] of list ?? []) {
      if (!tagWanted(tag)) continue;
      const o = out.get(tag) ?? [0, 0, 0];
      out.set(tag, [o[0] + c[0], o[1] + c[1], o[2] + c[2]]);
    }
  };
  for (const r of restricted)
    if ('fkey' in spec) add(r.byFilter.get(spec.fkey));
    else for (const [fkey, list] of r.byFilter) if (inSpec(spec, fkey)) add(list);
  return out;
}
