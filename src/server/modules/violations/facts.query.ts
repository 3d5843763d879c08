import { sql } from 'kysely';
import { isDistrictOf } from '../../../core/geo/regions.ts';
import type { Actor } from '../../platform/access/policy.ts';
import type { Executor } from '../../platform/db/db.ts';
import { eventVisibleTo } from './violations.access.ts';
import { ensureViolationFacts } from './facts.store.ts';
import type { EventFilter } from './violations.repo.ts';

/**
 * Reading the derived tables (ADR 0011) where the facts in memory (ADR 0016) do not answer: "mine",
 * an event-number search, reads inside a transaction, and the victims' sex, age and vulnerability.
 * The inverted index: a filter walks the postings of its rarest tag in `vio_fact_tags` and probes the
 * other tags by key (`factEvents`), with the need-to-know rule applied to every event.
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

const DRIVER_CAP = 5000;

/** Events the actor may see under the filters (alias `e`, from `vio_fact_events`; `t0` the postings walked). */
export async function factEvents(db: Executor, actor: Actor, f: EventFilter) {
  await ensureViolationFacts(db);
  const tags = filterTags(f);
  let driver = '*';
  if (tags.length > 1 && !f.ids) {
    // The rarest tag drives. Its postings are counted up to a cap, each an index range: enough to
    // tell a rare tag from a common one without counting the common ones out.
    const count = new Map<string, number>();
    for (const tag of tags) {
      const r = await sql<{ n: number | string }>`
        select count(*) as n from (select 1 from vio_fact_tags where tag = ${tag} limit ${DRIVER_CAP}) x`.execute(
        db,
      );
      count.set(tag, Number(r.rows[0]?.n ?? 0));
    }
    driver = [...tags].sort((a, b) => count.get(a)! - count.get(b)!)[0]!;
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
